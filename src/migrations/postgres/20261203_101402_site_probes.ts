// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_site_probes_via" AS ENUM('local', 'public');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'siteProbes';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'siteProbes';
  CREATE TABLE "site_probes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"ok" boolean DEFAULT false,
  	"status" numeric,
  	"ms" numeric,
  	"error" varchar,
  	"via" "enum_site_probes_via",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "site_probes_id" integer;
  ALTER TABLE "site_probes" ADD CONSTRAINT "site_probes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "site_probes_site_idx" ON "site_probes" USING btree ("site_id");
  CREATE INDEX "site_probes_at_idx" ON "site_probes" USING btree ("at");
  CREATE INDEX "site_probes_updated_at_idx" ON "site_probes" USING btree ("updated_at");
  CREATE INDEX "site_probes_created_at_idx" ON "site_probes" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_site_probes_fk" FOREIGN KEY ("site_probes_id") REFERENCES "public"."site_probes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_site_probes_id_idx" ON "payload_locked_documents_rels" USING btree ("site_probes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_probes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "site_probes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_site_probes_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'publishingSweep', 'disclosureReminders', 'sharedStateSweep', 'numberingCounters', 'siteAudits');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'publishingSweep', 'disclosureReminders', 'sharedStateSweep', 'numberingCounters', 'siteAudits');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_site_probes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "site_probes_id";
  DROP TYPE "public"."enum_site_probes_via";`)
}
