// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_error_reports_type" AS ENUM('typo', 'link', 'outdated', 'unreachable', 'other');
  CREATE TYPE "public"."enum_error_reports_status" AS ENUM('received', 'fixed', 'not-error');
  CREATE TABLE "error_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"url" varchar NOT NULL,
  	"article_id" integer,
  	"type" "enum_error_reports_type" DEFAULT 'other' NOT NULL,
  	"description" varchar NOT NULL,
  	"contact" varchar,
  	"email" varchar,
  	"query_code" varchar,
  	"idempotency_key" varchar,
  	"status" "enum_error_reports_status" DEFAULT 'received' NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"due_date" timestamp(3) with time zone,
  	"reply" varchar,
  	"answered_at" timestamp(3) with time zone,
  	"answered_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "sites" ADD COLUMN "interaction_error_report_days" numeric DEFAULT 3;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "error_reports_id" integer;
  ALTER TABLE "error_reports" ADD CONSTRAINT "error_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "error_reports" ADD CONSTRAINT "error_reports_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "error_reports" ADD CONSTRAINT "error_reports_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "error_reports_site_idx" ON "error_reports" USING btree ("site_id");
  CREATE INDEX "error_reports_article_idx" ON "error_reports" USING btree ("article_id");
  CREATE UNIQUE INDEX "error_reports_query_code_idx" ON "error_reports" USING btree ("query_code");
  CREATE UNIQUE INDEX "error_reports_idempotency_key_idx" ON "error_reports" USING btree ("idempotency_key");
  CREATE INDEX "error_reports_status_idx" ON "error_reports" USING btree ("status");
  CREATE INDEX "error_reports_received_at_idx" ON "error_reports" USING btree ("received_at");
  CREATE INDEX "error_reports_due_date_idx" ON "error_reports" USING btree ("due_date");
  CREATE INDEX "error_reports_answered_by_idx" ON "error_reports" USING btree ("answered_by_id");
  CREATE INDEX "error_reports_updated_at_idx" ON "error_reports" USING btree ("updated_at");
  CREATE INDEX "error_reports_created_at_idx" ON "error_reports" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_error_reports_fk" FOREIGN KEY ("error_reports_id") REFERENCES "public"."error_reports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_error_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("error_reports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "error_reports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "error_reports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_error_reports_fk";
  
  DROP INDEX "payload_locked_documents_rels_error_reports_id_idx";
  ALTER TABLE "sites" DROP COLUMN "interaction_error_report_days";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "error_reports_id";
  DROP TYPE "public"."enum_error_reports_type";
  DROP TYPE "public"."enum_error_reports_status";`)
}
