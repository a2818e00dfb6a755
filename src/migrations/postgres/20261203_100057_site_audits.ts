// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_site_audits_status" AS ENUM('pass', 'warning', 'fail');
  CREATE TYPE "public"."enum_site_audits_trigger" AS ENUM('nightly', 'manual', 'cli');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'siteAudits';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'siteAudits';
  CREATE TABLE "site_audits" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"site_id" integer NOT NULL,
  	"ran_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_site_audits_status" NOT NULL,
  	"worst" varchar,
  	"fails_on" varchar,
  	"fails_on_text" varchar,
  	"trigger" "enum_site_audits_trigger",
  	"ran_by_id" integer,
  	"items" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "site_audits_id" integer;
  ALTER TABLE "site_audits" ADD CONSTRAINT "site_audits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "site_audits" ADD CONSTRAINT "site_audits_ran_by_id_users_id_fk" FOREIGN KEY ("ran_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "site_audits_site_idx" ON "site_audits" USING btree ("site_id");
  CREATE INDEX "site_audits_ran_at_idx" ON "site_audits" USING btree ("ran_at");
  CREATE INDEX "site_audits_status_idx" ON "site_audits" USING btree ("status");
  CREATE INDEX "site_audits_ran_by_idx" ON "site_audits" USING btree ("ran_by_id");
  CREATE INDEX "site_audits_updated_at_idx" ON "site_audits" USING btree ("updated_at");
  CREATE INDEX "site_audits_created_at_idx" ON "site_audits" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_site_audits_fk" FOREIGN KEY ("site_audits_id") REFERENCES "public"."site_audits"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_site_audits_id_idx" ON "payload_locked_documents_rels" USING btree ("site_audits_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_audits" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "site_audits" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_site_audits_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'publishingSweep', 'disclosureReminders', 'sharedStateSweep', 'numberingCounters');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'publishingSweep', 'disclosureReminders', 'sharedStateSweep', 'numberingCounters');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_site_audits_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "site_audits_id";
  DROP TYPE "public"."enum_site_audits_status";
  DROP TYPE "public"."enum_site_audits_trigger";`)
}
