// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_disclosure_mode" AS ENUM('proactive', 'on-request', 'withheld');
  CREATE TYPE "public"."enum_articles_state" AS ENUM('draft', 'submitted', 'reviewed', 'returned', 'signed', 'scheduled', 'published', 'withdrawn', 'unpublished');
  CREATE TYPE "public"."enum__articles_v_version_disclosure_mode" AS ENUM('proactive', 'on-request', 'withheld');
  CREATE TYPE "public"."enum__articles_v_version_state" AS ENUM('draft', 'submitted', 'reviewed', 'returned', 'signed', 'scheduled', 'published', 'withdrawn', 'unpublished');
  CREATE TYPE "public"."enum_numbering_series_kind" AS ENUM('regular', 'normative');
  CREATE TYPE "public"."enum_number_assignments_kind" AS ENUM('index', 'doc');
  CREATE TYPE "public"."enum_number_assignments_status" AS ENUM('assigned', 'manual', 'voided');
  CREATE TYPE "public"."enum_audit_events_outcome" AS ENUM('success', 'failure');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'publishingSweep');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'publishingSweep');
  CREATE TABLE "articles_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer,
  	"move" varchar,
  	"from" varchar,
  	"to" varchar,
  	"reason" varchar
  );
  
  CREATE TABLE "_articles_v_version_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer,
  	"move" varchar,
  	"from" varchar,
  	"to" varchar,
  	"reason" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "numbering_series" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"prefix" varchar NOT NULL,
  	"kind" "enum_numbering_series_kind" DEFAULT 'regular' NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "number_assignments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"number" varchar NOT NULL,
  	"kind" "enum_number_assignments_kind" NOT NULL,
  	"scope" varchar NOT NULL,
  	"series_id" integer,
  	"year" numeric NOT NULL,
  	"seq" numeric NOT NULL,
  	"article_id" integer,
  	"status" "enum_number_assignments_status" DEFAULT 'assigned' NOT NULL,
  	"taken_at" timestamp(3) with time zone,
  	"taken_by_id" integer,
  	"void_reason" varchar,
  	"voided_at" timestamp(3) with time zone,
  	"voided_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "numbering_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"last" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"seq" numeric NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user" varchar,
  	"user_email" varchar,
  	"site_id" integer,
  	"action" varchar NOT NULL,
  	"target" varchar,
  	"outcome" "enum_audit_events_outcome" NOT NULL,
  	"detail" jsonb,
  	"prev_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"site_id" integer,
  	"kind" varchar NOT NULL,
  	"subject" varchar,
  	"recipients" varchar,
  	"target" varchar,
  	"sent_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publishing_checks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sensitive_words" varchar,
  	"leader_names" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  DROP INDEX "articles__status_idx";
  DROP INDEX "_articles_v_version_version__status_idx";
  DROP INDEX "_articles_v_latest_idx";
  ALTER TABLE "articles" ALTER COLUMN "site_id" SET NOT NULL;
  ALTER TABLE "articles" ALTER COLUMN "title" SET NOT NULL;
  ALTER TABLE "_articles_v" ALTER COLUMN "version_site_id" SET NOT NULL;
  ALTER TABLE "_articles_v" ALTER COLUMN "version_title" SET NOT NULL;
  ALTER TABLE "sites" ADD COLUMN "publishing_review_step" boolean DEFAULT true;
  ALTER TABLE "sites" ADD COLUMN "publishing_four_eyes" boolean DEFAULT true;
  ALTER TABLE "articles" ADD COLUMN "disclosure_mode" "enum_articles_disclosure_mode" DEFAULT 'proactive';
  ALTER TABLE "articles" ADD COLUMN "issuing_organ" varchar;
  ALTER TABLE "articles" ADD COLUMN "date_formed" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "disclosure_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "numbering_series_id" integer;
  ALTER TABLE "articles" ADD COLUMN "index_number" varchar;
  ALTER TABLE "articles" ADD COLUMN "state" "enum_articles_state" DEFAULT 'draft' NOT NULL;
  ALTER TABLE "articles" ADD COLUMN "scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "unpublish_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "signed_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "checks_confirmed" boolean;
  ALTER TABLE "articles" ADD COLUMN "submitted_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "submitted_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "return_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "withdrawn_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "unpublished_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "unpublished_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "replacement_id" integer;
  ALTER TABLE "articles" ADD COLUMN "emergency" boolean;
  ALTER TABLE "articles" ADD COLUMN "emergency_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "emergency_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_disclosure_mode" "enum__articles_v_version_disclosure_mode" DEFAULT 'proactive';
  ALTER TABLE "_articles_v" ADD COLUMN "version_issuing_organ" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_date_formed" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_disclosure_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_numbering_series_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_index_number" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_state" "enum__articles_v_version_state" DEFAULT 'draft' NOT NULL;
  ALTER TABLE "_articles_v" ADD COLUMN "version_scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_unpublish_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_signed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_checks_confirmed" boolean;
  ALTER TABLE "_articles_v" ADD COLUMN "version_submitted_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_return_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_withdrawn_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_unpublished_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_unpublished_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_replacement_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_emergency" boolean;
  ALTER TABLE "_articles_v" ADD COLUMN "version_emergency_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_emergency_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "numbering_series_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "number_assignments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "numbering_counters_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "articles_history" ADD CONSTRAINT "articles_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_history" ADD CONSTRAINT "articles_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_history" ADD CONSTRAINT "_articles_v_version_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_history" ADD CONSTRAINT "_articles_v_version_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "numbering_series" ADD CONSTRAINT "numbering_series_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_series_id_numbering_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."numbering_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_taken_by_id_users_id_fk" FOREIGN KEY ("taken_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_voided_by_id_users_id_fk" FOREIGN KEY ("voided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_history_order_idx" ON "articles_history" USING btree ("_order");
  CREATE INDEX "articles_history_parent_id_idx" ON "articles_history" USING btree ("_parent_id");
  CREATE INDEX "articles_history_by_idx" ON "articles_history" USING btree ("by_id");
  CREATE INDEX "_articles_v_version_history_order_idx" ON "_articles_v_version_history" USING btree ("_order");
  CREATE INDEX "_articles_v_version_history_parent_id_idx" ON "_articles_v_version_history" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_history_by_idx" ON "_articles_v_version_history" USING btree ("by_id");
  CREATE INDEX "numbering_series_site_idx" ON "numbering_series" USING btree ("site_id");
  CREATE INDEX "numbering_series_updated_at_idx" ON "numbering_series" USING btree ("updated_at");
  CREATE INDEX "numbering_series_created_at_idx" ON "numbering_series" USING btree ("created_at");
  CREATE INDEX "number_assignments_site_idx" ON "number_assignments" USING btree ("site_id");
  CREATE UNIQUE INDEX "number_assignments_number_idx" ON "number_assignments" USING btree ("number");
  CREATE INDEX "number_assignments_series_idx" ON "number_assignments" USING btree ("series_id");
  CREATE INDEX "number_assignments_article_idx" ON "number_assignments" USING btree ("article_id");
  CREATE INDEX "number_assignments_taken_by_idx" ON "number_assignments" USING btree ("taken_by_id");
  CREATE INDEX "number_assignments_voided_by_idx" ON "number_assignments" USING btree ("voided_by_id");
  CREATE INDEX "number_assignments_updated_at_idx" ON "number_assignments" USING btree ("updated_at");
  CREATE INDEX "number_assignments_created_at_idx" ON "number_assignments" USING btree ("created_at");
  CREATE UNIQUE INDEX "kind_scope_year_seq_idx" ON "number_assignments" USING btree ("kind","scope","year","seq");
  CREATE UNIQUE INDEX "numbering_counters_key_idx" ON "numbering_counters" USING btree ("key");
  CREATE INDEX "numbering_counters_updated_at_idx" ON "numbering_counters" USING btree ("updated_at");
  CREATE INDEX "numbering_counters_created_at_idx" ON "numbering_counters" USING btree ("created_at");
  CREATE UNIQUE INDEX "audit_events_seq_idx" ON "audit_events" USING btree ("seq");
  CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");
  CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user");
  CREATE INDEX "audit_events_site_idx" ON "audit_events" USING btree ("site_id");
  CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
  CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target");
  CREATE UNIQUE INDEX "notifications_key_idx" ON "notifications" USING btree ("key");
  CREATE INDEX "notifications_site_idx" ON "notifications" USING btree ("site_id");
  CREATE INDEX "notifications_target_idx" ON "notifications" USING btree ("target");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_numbering_series_id_numbering_series_id_fk" FOREIGN KEY ("numbering_series_id") REFERENCES "public"."numbering_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_replacement_id_articles_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_numbering_series_id_numbering_series_id_fk" FOREIGN KEY ("version_numbering_series_id") REFERENCES "public"."numbering_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_replacement_id_articles_id_fk" FOREIGN KEY ("version_replacement_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_numbering_series_fk" FOREIGN KEY ("numbering_series_id") REFERENCES "public"."numbering_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_number_assignments_fk" FOREIGN KEY ("number_assignments_id") REFERENCES "public"."number_assignments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_numbering_counters_fk" FOREIGN KEY ("numbering_counters_id") REFERENCES "public"."numbering_counters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_numbering_series_idx" ON "articles" USING btree ("numbering_series_id");
  CREATE INDEX "articles_doc_number_idx" ON "articles" USING btree ("doc_number");
  CREATE UNIQUE INDEX "articles_index_number_idx" ON "articles" USING btree ("index_number");
  CREATE INDEX "articles_state_idx" ON "articles" USING btree ("state");
  CREATE INDEX "articles_scheduled_at_idx" ON "articles" USING btree ("scheduled_at");
  CREATE INDEX "articles_unpublish_at_idx" ON "articles" USING btree ("unpublish_at");
  CREATE INDEX "articles_signed_at_idx" ON "articles" USING btree ("signed_at");
  CREATE INDEX "articles_submitted_by_idx" ON "articles" USING btree ("submitted_by_id");
  CREATE INDEX "articles_replacement_idx" ON "articles" USING btree ("replacement_id");
  CREATE INDEX "_articles_v_version_version_numbering_series_idx" ON "_articles_v" USING btree ("version_numbering_series_id");
  CREATE INDEX "_articles_v_version_version_doc_number_idx" ON "_articles_v" USING btree ("version_doc_number");
  CREATE INDEX "_articles_v_version_version_index_number_idx" ON "_articles_v" USING btree ("version_index_number");
  CREATE INDEX "_articles_v_version_version_state_idx" ON "_articles_v" USING btree ("version_state");
  CREATE INDEX "_articles_v_version_version_scheduled_at_idx" ON "_articles_v" USING btree ("version_scheduled_at");
  CREATE INDEX "_articles_v_version_version_unpublish_at_idx" ON "_articles_v" USING btree ("version_unpublish_at");
  CREATE INDEX "_articles_v_version_version_signed_at_idx" ON "_articles_v" USING btree ("version_signed_at");
  CREATE INDEX "_articles_v_version_version_submitted_by_idx" ON "_articles_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_articles_v_version_version_replacement_idx" ON "_articles_v" USING btree ("version_replacement_id");
  CREATE INDEX "payload_locked_documents_rels_numbering_series_id_idx" ON "payload_locked_documents_rels" USING btree ("numbering_series_id");
  CREATE INDEX "payload_locked_documents_rels_number_assignments_id_idx" ON "payload_locked_documents_rels" USING btree ("number_assignments_id");
  CREATE INDEX "payload_locked_documents_rels_numbering_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("numbering_counters_id");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  ALTER TABLE "articles" DROP COLUMN "_status";
  ALTER TABLE "_articles_v" DROP COLUMN "version__status";
  ALTER TABLE "_articles_v" DROP COLUMN "latest";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_status";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  ALTER TABLE "articles_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "numbering_series" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "number_assignments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "numbering_counters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publishing_checks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_history" CASCADE;
  DROP TABLE "_articles_v_version_history" CASCADE;
  DROP TABLE "numbering_series" CASCADE;
  DROP TABLE "number_assignments" CASCADE;
  DROP TABLE "numbering_counters" CASCADE;
  DROP TABLE "audit_events" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "publishing_checks" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_numbering_series_id_numbering_series_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_submitted_by_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_replacement_id_articles_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_numbering_series_id_numbering_series_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_replacement_id_articles_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_numbering_series_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_number_assignments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_numbering_counters_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  DROP INDEX "articles_numbering_series_idx";
  DROP INDEX "articles_doc_number_idx";
  DROP INDEX "articles_index_number_idx";
  DROP INDEX "articles_state_idx";
  DROP INDEX "articles_scheduled_at_idx";
  DROP INDEX "articles_unpublish_at_idx";
  DROP INDEX "articles_signed_at_idx";
  DROP INDEX "articles_submitted_by_idx";
  DROP INDEX "articles_replacement_idx";
  DROP INDEX "_articles_v_version_version_numbering_series_idx";
  DROP INDEX "_articles_v_version_version_doc_number_idx";
  DROP INDEX "_articles_v_version_version_index_number_idx";
  DROP INDEX "_articles_v_version_version_state_idx";
  DROP INDEX "_articles_v_version_version_scheduled_at_idx";
  DROP INDEX "_articles_v_version_version_unpublish_at_idx";
  DROP INDEX "_articles_v_version_version_signed_at_idx";
  DROP INDEX "_articles_v_version_version_submitted_by_idx";
  DROP INDEX "_articles_v_version_version_replacement_idx";
  DROP INDEX "payload_locked_documents_rels_numbering_series_id_idx";
  DROP INDEX "payload_locked_documents_rels_number_assignments_id_idx";
  DROP INDEX "payload_locked_documents_rels_numbering_counters_id_idx";
  DROP INDEX "payload_locked_documents_rels_audit_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "articles" ALTER COLUMN "site_id" DROP NOT NULL;
  ALTER TABLE "articles" ALTER COLUMN "title" DROP NOT NULL;
  ALTER TABLE "_articles_v" ALTER COLUMN "version_site_id" DROP NOT NULL;
  ALTER TABLE "_articles_v" ALTER COLUMN "version_title" DROP NOT NULL;
  ALTER TABLE "articles" ADD COLUMN "_status" "enum_articles_status" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version__status" "enum__articles_v_version_status" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "latest" boolean;
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  ALTER TABLE "sites" DROP COLUMN "publishing_review_step";
  ALTER TABLE "sites" DROP COLUMN "publishing_four_eyes";
  ALTER TABLE "articles" DROP COLUMN "disclosure_mode";
  ALTER TABLE "articles" DROP COLUMN "issuing_organ";
  ALTER TABLE "articles" DROP COLUMN "date_formed";
  ALTER TABLE "articles" DROP COLUMN "disclosure_reason";
  ALTER TABLE "articles" DROP COLUMN "numbering_series_id";
  ALTER TABLE "articles" DROP COLUMN "index_number";
  ALTER TABLE "articles" DROP COLUMN "state";
  ALTER TABLE "articles" DROP COLUMN "scheduled_at";
  ALTER TABLE "articles" DROP COLUMN "unpublish_at";
  ALTER TABLE "articles" DROP COLUMN "signed_at";
  ALTER TABLE "articles" DROP COLUMN "checks_confirmed";
  ALTER TABLE "articles" DROP COLUMN "submitted_by_id";
  ALTER TABLE "articles" DROP COLUMN "submitted_at";
  ALTER TABLE "articles" DROP COLUMN "return_reason";
  ALTER TABLE "articles" DROP COLUMN "withdrawn_reason";
  ALTER TABLE "articles" DROP COLUMN "withdrawn_at";
  ALTER TABLE "articles" DROP COLUMN "unpublished_reason";
  ALTER TABLE "articles" DROP COLUMN "unpublished_at";
  ALTER TABLE "articles" DROP COLUMN "replacement_id";
  ALTER TABLE "articles" DROP COLUMN "emergency";
  ALTER TABLE "articles" DROP COLUMN "emergency_reason";
  ALTER TABLE "articles" DROP COLUMN "emergency_reviewed_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_disclosure_mode";
  ALTER TABLE "_articles_v" DROP COLUMN "version_issuing_organ";
  ALTER TABLE "_articles_v" DROP COLUMN "version_date_formed";
  ALTER TABLE "_articles_v" DROP COLUMN "version_disclosure_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_numbering_series_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_index_number";
  ALTER TABLE "_articles_v" DROP COLUMN "version_state";
  ALTER TABLE "_articles_v" DROP COLUMN "version_scheduled_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_unpublish_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_signed_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_checks_confirmed";
  ALTER TABLE "_articles_v" DROP COLUMN "version_submitted_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_submitted_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_return_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_withdrawn_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_withdrawn_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_unpublished_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_unpublished_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_replacement_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_emergency";
  ALTER TABLE "_articles_v" DROP COLUMN "version_emergency_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_emergency_reviewed_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "numbering_series_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "number_assignments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "numbering_counters_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  DROP TYPE "public"."enum_articles_disclosure_mode";
  DROP TYPE "public"."enum_articles_state";
  DROP TYPE "public"."enum__articles_v_version_disclosure_mode";
  DROP TYPE "public"."enum__articles_v_version_state";
  DROP TYPE "public"."enum_numbering_series_kind";
  DROP TYPE "public"."enum_number_assignments_kind";
  DROP TYPE "public"."enum_number_assignments_status";
  DROP TYPE "public"."enum_audit_events_outcome";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
