// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_document_kind" AS ENUM('rule', 'normative');
  CREATE TYPE "public"."enum_articles_validity" AS ENUM('in-force', 'amended', 'repealed', 'expired');
  CREATE TYPE "public"."enum__articles_v_version_document_kind" AS ENUM('rule', 'normative');
  CREATE TYPE "public"."enum__articles_v_version_validity" AS ENUM('in-force', 'amended', 'repealed', 'expired');
  CREATE TYPE "public"."enum_disclosure_requests_appeals_kind" AS ENUM('review', 'suit-direct', 'suit-after-review');
  CREATE TYPE "public"."enum_disclosure_requests_appeals_result" AS ENUM('upheld', 'corrected', 'other');
  CREATE TYPE "public"."enum_disclosure_requests_status" AS ENUM('received', 'processing', 'awaiting-correction', 'consulting', 'answered', 'closed');
  CREATE TYPE "public"."enum_disclosure_requests_channel" AS ENUM('web', 'letter', 'counter', 'email');
  CREATE TYPE "public"."enum_disclosure_requests_applicant_kind" AS ENUM('natural-person', 'commercial-enterprise', 'research-institution', 'public-welfare-organisation', 'legal-service-agency', 'other-organisation');
  CREATE TYPE "public"."enum_disclosure_requests_id_type" AS ENUM('resident-id', 'credit-code', 'other');
  CREATE TYPE "public"."enum_disclosure_requests_form_wanted" AS ENUM('paper', 'electronic');
  CREATE TYPE "public"."enum_disclosure_requests_delivery" AS ENUM('post', 'email', 'pickup', 'online');
  CREATE TYPE "public"."enum_disclosure_requests_outcome" AS ENUM('disclosed', 'partly-disclosed', 'withheld-state-secret', 'withheld-prohibited-by-law', 'withheld-security-stability', 'withheld-third-party-rights', 'withheld-internal-affairs', 'withheld-process-information', 'withheld-enforcement-file', 'withheld-administrative-query', 'unavailable-not-held', 'unavailable-needs-creation', 'unavailable-unclear-after-correction', 'not-processed-petition', 'not-processed-duplicate', 'not-processed-publication', 'not-processed-excessive', 'not-processed-confirmation', 'other-no-correction', 'other-fee-unpaid', 'other-other');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'disclosureReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'disclosureReminders';
  CREATE TABLE "disclosure_topics" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "disclosure_genres" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "disclosure_requests_timeline" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"kind" varchar NOT NULL,
  	"label" varchar,
  	"note" varchar,
  	"internal_note" varchar,
  	"by_id" integer,
  	"days" numeric,
  	"approver" varchar
  );
  
  CREATE TABLE "disclosure_requests_appeals" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_disclosure_requests_appeals_kind" NOT NULL,
  	"filed_at" timestamp(3) with time zone NOT NULL,
  	"decided_at" timestamp(3) with time zone,
  	"result" "enum_disclosure_requests_appeals_result"
  );
  
  CREATE TABLE "disclosure_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"tracking_code" varchar,
  	"idempotency_key" varchar,
  	"status" "enum_disclosure_requests_status" DEFAULT 'received' NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"due_date" timestamp(3) with time zone,
  	"due_explanation" jsonb,
  	"channel" "enum_disclosure_requests_channel" DEFAULT 'letter' NOT NULL,
  	"applicant_kind" "enum_disclosure_requests_applicant_kind" NOT NULL,
  	"applicant_name" varchar NOT NULL,
  	"id_type" "enum_disclosure_requests_id_type",
  	"id_number" varchar,
  	"legal_representative" varchar,
  	"contact_person" varchar,
  	"phone" varchar,
  	"email" varchar,
  	"address" varchar,
  	"postcode" varchar,
  	"description" varchar NOT NULL,
  	"document_ref" varchar,
  	"form_wanted" "enum_disclosure_requests_form_wanted",
  	"delivery" "enum_disclosure_requests_delivery",
  	"reply_text" varchar,
  	"reply_file_id" integer,
  	"outcome" "enum_disclosure_requests_outcome",
  	"answered_at" timestamp(3) with time zone,
  	"pages" numeric,
  	"fee_amount" numeric,
  	"fee_notice_at" timestamp(3) with time zone,
  	"fee_paid_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "disclosure_requests_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"request_files_id" integer
  );
  
  CREATE TABLE "request_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"purpose" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "annual_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"section1" varchar,
  	"licensing" numeric,
  	"penalty" numeric,
  	"coercion" numeric,
  	"fees_wan_yuan" numeric,
  	"section5" varchar,
  	"section6" varchar,
  	"published" boolean DEFAULT false,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "sites" ADD COLUMN "disclosure_include_departments" boolean DEFAULT false;
  ALTER TABLE "sites" ADD COLUMN "disclosure_office" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_address" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_postcode" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_hours" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_phone" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_fax" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_email" varchar;
  ALTER TABLE "sites" ADD COLUMN "disclosure_guide_notes" varchar;
  ALTER TABLE "articles" ADD COLUMN "topic_id" integer;
  ALTER TABLE "articles" ADD COLUMN "genre_id" integer;
  ALTER TABLE "articles" ADD COLUMN "document_kind" "enum_articles_document_kind";
  ALTER TABLE "articles" ADD COLUMN "validity" "enum_articles_validity";
  ALTER TABLE "articles" ADD COLUMN "validity_changed_on" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "validity_changed_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_topic_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_genre_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_document_kind" "enum__articles_v_version_document_kind";
  ALTER TABLE "_articles_v" ADD COLUMN "version_validity" "enum__articles_v_version_validity";
  ALTER TABLE "_articles_v" ADD COLUMN "version_validity_changed_on" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_validity_changed_by_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "disclosure_topics_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "disclosure_genres_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "disclosure_requests_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "request_files_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "annual_reports_id" integer;
  ALTER TABLE "disclosure_requests_timeline" ADD CONSTRAINT "disclosure_requests_timeline_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosure_requests_timeline" ADD CONSTRAINT "disclosure_requests_timeline_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "disclosure_requests_appeals" ADD CONSTRAINT "disclosure_requests_appeals_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_reply_file_id_request_files_id_fk" FOREIGN KEY ("reply_file_id") REFERENCES "public"."request_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosure_requests_rels" ADD CONSTRAINT "disclosure_requests_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "disclosure_requests_rels" ADD CONSTRAINT "disclosure_requests_rels_request_files_fk" FOREIGN KEY ("request_files_id") REFERENCES "public"."request_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "request_files" ADD CONSTRAINT "request_files_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "disclosure_topics_name_idx" ON "disclosure_topics" USING btree ("name");
  CREATE INDEX "disclosure_topics_updated_at_idx" ON "disclosure_topics" USING btree ("updated_at");
  CREATE INDEX "disclosure_topics_created_at_idx" ON "disclosure_topics" USING btree ("created_at");
  CREATE UNIQUE INDEX "disclosure_genres_name_idx" ON "disclosure_genres" USING btree ("name");
  CREATE INDEX "disclosure_genres_updated_at_idx" ON "disclosure_genres" USING btree ("updated_at");
  CREATE INDEX "disclosure_genres_created_at_idx" ON "disclosure_genres" USING btree ("created_at");
  CREATE INDEX "disclosure_requests_timeline_order_idx" ON "disclosure_requests_timeline" USING btree ("_order");
  CREATE INDEX "disclosure_requests_timeline_parent_id_idx" ON "disclosure_requests_timeline" USING btree ("_parent_id");
  CREATE INDEX "disclosure_requests_timeline_by_idx" ON "disclosure_requests_timeline" USING btree ("by_id");
  CREATE INDEX "disclosure_requests_appeals_order_idx" ON "disclosure_requests_appeals" USING btree ("_order");
  CREATE INDEX "disclosure_requests_appeals_parent_id_idx" ON "disclosure_requests_appeals" USING btree ("_parent_id");
  CREATE INDEX "disclosure_requests_site_idx" ON "disclosure_requests" USING btree ("site_id");
  CREATE UNIQUE INDEX "disclosure_requests_tracking_code_idx" ON "disclosure_requests" USING btree ("tracking_code");
  CREATE UNIQUE INDEX "disclosure_requests_idempotency_key_idx" ON "disclosure_requests" USING btree ("idempotency_key");
  CREATE INDEX "disclosure_requests_status_idx" ON "disclosure_requests" USING btree ("status");
  CREATE INDEX "disclosure_requests_received_at_idx" ON "disclosure_requests" USING btree ("received_at");
  CREATE INDEX "disclosure_requests_due_date_idx" ON "disclosure_requests" USING btree ("due_date");
  CREATE INDEX "disclosure_requests_id_number_idx" ON "disclosure_requests" USING btree ("id_number");
  CREATE INDEX "disclosure_requests_reply_file_idx" ON "disclosure_requests" USING btree ("reply_file_id");
  CREATE INDEX "disclosure_requests_outcome_idx" ON "disclosure_requests" USING btree ("outcome");
  CREATE INDEX "disclosure_requests_answered_at_idx" ON "disclosure_requests" USING btree ("answered_at");
  CREATE INDEX "disclosure_requests_updated_at_idx" ON "disclosure_requests" USING btree ("updated_at");
  CREATE INDEX "disclosure_requests_created_at_idx" ON "disclosure_requests" USING btree ("created_at");
  CREATE INDEX "disclosure_requests_rels_order_idx" ON "disclosure_requests_rels" USING btree ("order");
  CREATE INDEX "disclosure_requests_rels_parent_idx" ON "disclosure_requests_rels" USING btree ("parent_id");
  CREATE INDEX "disclosure_requests_rels_path_idx" ON "disclosure_requests_rels" USING btree ("path");
  CREATE INDEX "disclosure_requests_rels_request_files_id_idx" ON "disclosure_requests_rels" USING btree ("request_files_id");
  CREATE INDEX "request_files_site_idx" ON "request_files" USING btree ("site_id");
  CREATE INDEX "request_files_updated_at_idx" ON "request_files" USING btree ("updated_at");
  CREATE INDEX "request_files_created_at_idx" ON "request_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "request_files_filename_idx" ON "request_files" USING btree ("filename");
  CREATE INDEX "annual_reports_site_idx" ON "annual_reports" USING btree ("site_id");
  CREATE INDEX "annual_reports_year_idx" ON "annual_reports" USING btree ("year");
  CREATE INDEX "annual_reports_updated_at_idx" ON "annual_reports" USING btree ("updated_at");
  CREATE INDEX "annual_reports_created_at_idx" ON "annual_reports" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_topic_id_disclosure_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."disclosure_topics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_genre_id_disclosure_genres_id_fk" FOREIGN KEY ("genre_id") REFERENCES "public"."disclosure_genres"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_validity_changed_by_id_articles_id_fk" FOREIGN KEY ("validity_changed_by_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_topic_id_disclosure_topics_id_fk" FOREIGN KEY ("version_topic_id") REFERENCES "public"."disclosure_topics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_genre_id_disclosure_genres_id_fk" FOREIGN KEY ("version_genre_id") REFERENCES "public"."disclosure_genres"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_validity_changed_by_id_articles_id_fk" FOREIGN KEY ("version_validity_changed_by_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disclosure_topics_fk" FOREIGN KEY ("disclosure_topics_id") REFERENCES "public"."disclosure_topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disclosure_genres_fk" FOREIGN KEY ("disclosure_genres_id") REFERENCES "public"."disclosure_genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disclosure_requests_fk" FOREIGN KEY ("disclosure_requests_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_request_files_fk" FOREIGN KEY ("request_files_id") REFERENCES "public"."request_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_annual_reports_fk" FOREIGN KEY ("annual_reports_id") REFERENCES "public"."annual_reports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_topic_idx" ON "articles" USING btree ("topic_id");
  CREATE INDEX "articles_genre_idx" ON "articles" USING btree ("genre_id");
  CREATE INDEX "articles_validity_changed_by_idx" ON "articles" USING btree ("validity_changed_by_id");
  CREATE INDEX "_articles_v_version_version_topic_idx" ON "_articles_v" USING btree ("version_topic_id");
  CREATE INDEX "_articles_v_version_version_genre_idx" ON "_articles_v" USING btree ("version_genre_id");
  CREATE INDEX "_articles_v_version_version_validity_changed_by_idx" ON "_articles_v" USING btree ("version_validity_changed_by_id");
  CREATE INDEX "payload_locked_documents_rels_disclosure_topics_id_idx" ON "payload_locked_documents_rels" USING btree ("disclosure_topics_id");
  CREATE INDEX "payload_locked_documents_rels_disclosure_genres_id_idx" ON "payload_locked_documents_rels" USING btree ("disclosure_genres_id");
  CREATE INDEX "payload_locked_documents_rels_disclosure_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("disclosure_requests_id");
  CREATE INDEX "payload_locked_documents_rels_request_files_id_idx" ON "payload_locked_documents_rels" USING btree ("request_files_id");
  CREATE INDEX "payload_locked_documents_rels_annual_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("annual_reports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "disclosure_topics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disclosure_genres" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disclosure_requests_timeline" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disclosure_requests_appeals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disclosure_requests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disclosure_requests_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "request_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "annual_reports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "disclosure_topics" CASCADE;
  DROP TABLE "disclosure_genres" CASCADE;
  DROP TABLE "disclosure_requests_timeline" CASCADE;
  DROP TABLE "disclosure_requests_appeals" CASCADE;
  DROP TABLE "disclosure_requests" CASCADE;
  DROP TABLE "disclosure_requests_rels" CASCADE;
  DROP TABLE "request_files" CASCADE;
  DROP TABLE "annual_reports" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_topic_id_disclosure_topics_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_genre_id_disclosure_genres_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_validity_changed_by_id_articles_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_topic_id_disclosure_topics_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_genre_id_disclosure_genres_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_validity_changed_by_id_articles_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_disclosure_topics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_disclosure_genres_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_disclosure_requests_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_request_files_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_annual_reports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'publishingSweep');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'publishingSweep');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_topic_idx";
  DROP INDEX "articles_genre_idx";
  DROP INDEX "articles_validity_changed_by_idx";
  DROP INDEX "_articles_v_version_version_topic_idx";
  DROP INDEX "_articles_v_version_version_genre_idx";
  DROP INDEX "_articles_v_version_version_validity_changed_by_idx";
  DROP INDEX "payload_locked_documents_rels_disclosure_topics_id_idx";
  DROP INDEX "payload_locked_documents_rels_disclosure_genres_id_idx";
  DROP INDEX "payload_locked_documents_rels_disclosure_requests_id_idx";
  DROP INDEX "payload_locked_documents_rels_request_files_id_idx";
  DROP INDEX "payload_locked_documents_rels_annual_reports_id_idx";
  ALTER TABLE "sites" DROP COLUMN "disclosure_include_departments";
  ALTER TABLE "sites" DROP COLUMN "disclosure_office";
  ALTER TABLE "sites" DROP COLUMN "disclosure_address";
  ALTER TABLE "sites" DROP COLUMN "disclosure_postcode";
  ALTER TABLE "sites" DROP COLUMN "disclosure_hours";
  ALTER TABLE "sites" DROP COLUMN "disclosure_phone";
  ALTER TABLE "sites" DROP COLUMN "disclosure_fax";
  ALTER TABLE "sites" DROP COLUMN "disclosure_email";
  ALTER TABLE "sites" DROP COLUMN "disclosure_guide_notes";
  ALTER TABLE "articles" DROP COLUMN "topic_id";
  ALTER TABLE "articles" DROP COLUMN "genre_id";
  ALTER TABLE "articles" DROP COLUMN "document_kind";
  ALTER TABLE "articles" DROP COLUMN "validity";
  ALTER TABLE "articles" DROP COLUMN "validity_changed_on";
  ALTER TABLE "articles" DROP COLUMN "validity_changed_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_topic_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_genre_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_document_kind";
  ALTER TABLE "_articles_v" DROP COLUMN "version_validity";
  ALTER TABLE "_articles_v" DROP COLUMN "version_validity_changed_on";
  ALTER TABLE "_articles_v" DROP COLUMN "version_validity_changed_by_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "disclosure_topics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "disclosure_genres_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "disclosure_requests_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "request_files_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "annual_reports_id";
  DROP TYPE "public"."enum_articles_document_kind";
  DROP TYPE "public"."enum_articles_validity";
  DROP TYPE "public"."enum__articles_v_version_document_kind";
  DROP TYPE "public"."enum__articles_v_version_validity";
  DROP TYPE "public"."enum_disclosure_requests_appeals_kind";
  DROP TYPE "public"."enum_disclosure_requests_appeals_result";
  DROP TYPE "public"."enum_disclosure_requests_status";
  DROP TYPE "public"."enum_disclosure_requests_channel";
  DROP TYPE "public"."enum_disclosure_requests_applicant_kind";
  DROP TYPE "public"."enum_disclosure_requests_id_type";
  DROP TYPE "public"."enum_disclosure_requests_form_wanted";
  DROP TYPE "public"."enum_disclosure_requests_delivery";
  DROP TYPE "public"."enum_disclosure_requests_outcome";`)
}
