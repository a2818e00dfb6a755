// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_mailboxes_kind" AS ENUM('leader', 'department');
  CREATE TYPE "public"."enum_letters_status" AS ENUM('submitted', 'accepted', 'reviewing', 'answered', 'following', 'rejected', 'closed');
  CREATE TYPE "public"."enum_letters_channel" AS ENUM('web', 'letter', 'phone', 'visit');
  CREATE TYPE "public"."enum_letters_category" AS ENUM('consult', 'suggest', 'complain', 'help', 'other');
  CREATE TYPE "public"."enum_letters_writer_title" AS ENUM('mr', 'ms', 'none');
  CREATE TYPE "public"."enum_letters_reject_reason" AS ENUM('out-of-scope', 'duplicate', 'unclear', 'other');
  CREATE TYPE "public"."enum_letters_rating" AS ENUM('very-satisfied', 'satisfied', 'basic', 'dissatisfied', 'very-dissatisfied');
  CREATE TYPE "public"."enum_letters_resolved" AS ENUM('yes', 'no', 'unsure');
  CREATE TABLE "mailboxes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"kind" "enum_mailboxes_kind" DEFAULT 'leader' NOT NULL,
  	"leader_name" varchar,
  	"leader_title" varchar,
  	"photo_id" integer,
  	"intro" varchar,
  	"open" boolean DEFAULT true,
  	"order" numeric DEFAULT 0,
  	"accept_days" numeric DEFAULT 3 NOT NULL,
  	"answer_days" numeric DEFAULT 15 NOT NULL,
  	"max_extension_days" numeric DEFAULT 15 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "letters_transfers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from_id" integer,
  	"to_id" integer,
  	"at" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "letters_timeline" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"kind" varchar NOT NULL,
  	"label" varchar,
  	"note" varchar,
  	"internal_note" varchar,
  	"by_id" integer
  );
  
  CREATE TABLE "letters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"mailbox_id" integer NOT NULL,
  	"number" varchar,
  	"query_code" varchar,
  	"idempotency_key" varchar,
  	"status" "enum_letters_status" DEFAULT 'submitted' NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"accept_due_date" timestamp(3) with time zone,
  	"answer_due_date" timestamp(3) with time zone,
  	"veto_date" timestamp(3) with time zone,
  	"follow_up_due_date" timestamp(3) with time zone,
  	"due_explanation" jsonb,
  	"first_site_id" integer,
  	"channel" "enum_letters_channel" DEFAULT 'letter' NOT NULL,
  	"subject" varchar NOT NULL,
  	"category" "enum_letters_category" DEFAULT 'consult' NOT NULL,
  	"content" varchar NOT NULL,
  	"writer_name" varchar NOT NULL,
  	"writer_title" "enum_letters_writer_title" DEFAULT 'none',
  	"phone" varchar,
  	"email" varchar,
  	"consent_personal_data" boolean DEFAULT true,
  	"consent_publish" boolean DEFAULT false,
  	"answer" varchar,
  	"answer_file_id" integer,
  	"accepted_at" timestamp(3) with time zone,
  	"answered_at" timestamp(3) with time zone,
  	"closed_at" timestamp(3) with time zone,
  	"answered_by_id" integer,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"reject_reason" "enum_letters_reject_reason",
  	"reject_note" varchar,
  	"extension_days" numeric DEFAULT 0,
  	"extension_reason" varchar,
  	"published" boolean DEFAULT false,
  	"published_at" timestamp(3) with time zone,
  	"rating" "enum_letters_rating",
  	"resolved" "enum_letters_resolved",
  	"rated_at" timestamp(3) with time zone,
  	"rating_comment" varchar,
  	"follow_up_answer" varchar,
  	"follow_up_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "letters_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"request_files_id" integer
  );
  
  ALTER TABLE "sites" ADD COLUMN "interaction_review_answers" boolean DEFAULT true;
  ALTER TABLE "sites" ADD COLUMN "interaction_follow_up_days" numeric DEFAULT 5;
  ALTER TABLE "sites" ADD COLUMN "interaction_ranking_minimum" numeric DEFAULT 10;
  ALTER TABLE "sites" ADD COLUMN "interaction_default_satisfied" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mailboxes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "letters_id" integer;
  ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_transfers" ADD CONSTRAINT "letters_transfers_from_id_sites_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_transfers" ADD CONSTRAINT "letters_transfers_to_id_sites_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_transfers" ADD CONSTRAINT "letters_transfers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "letters_timeline" ADD CONSTRAINT "letters_timeline_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_timeline" ADD CONSTRAINT "letters_timeline_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_first_site_id_sites_id_fk" FOREIGN KEY ("first_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_answer_file_id_request_files_id_fk" FOREIGN KEY ("answer_file_id") REFERENCES "public"."request_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_rels" ADD CONSTRAINT "letters_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "letters_rels" ADD CONSTRAINT "letters_rels_request_files_fk" FOREIGN KEY ("request_files_id") REFERENCES "public"."request_files"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "mailboxes_site_idx" ON "mailboxes" USING btree ("site_id");
  CREATE INDEX "mailboxes_slug_idx" ON "mailboxes" USING btree ("slug");
  CREATE INDEX "mailboxes_photo_idx" ON "mailboxes" USING btree ("photo_id");
  CREATE INDEX "mailboxes_updated_at_idx" ON "mailboxes" USING btree ("updated_at");
  CREATE INDEX "mailboxes_created_at_idx" ON "mailboxes" USING btree ("created_at");
  CREATE INDEX "letters_transfers_order_idx" ON "letters_transfers" USING btree ("_order");
  CREATE INDEX "letters_transfers_parent_id_idx" ON "letters_transfers" USING btree ("_parent_id");
  CREATE INDEX "letters_transfers_from_idx" ON "letters_transfers" USING btree ("from_id");
  CREATE INDEX "letters_transfers_to_idx" ON "letters_transfers" USING btree ("to_id");
  CREATE INDEX "letters_timeline_order_idx" ON "letters_timeline" USING btree ("_order");
  CREATE INDEX "letters_timeline_parent_id_idx" ON "letters_timeline" USING btree ("_parent_id");
  CREATE INDEX "letters_timeline_by_idx" ON "letters_timeline" USING btree ("by_id");
  CREATE INDEX "letters_site_idx" ON "letters" USING btree ("site_id");
  CREATE INDEX "letters_mailbox_idx" ON "letters" USING btree ("mailbox_id");
  CREATE UNIQUE INDEX "letters_number_idx" ON "letters" USING btree ("number");
  CREATE UNIQUE INDEX "letters_query_code_idx" ON "letters" USING btree ("query_code");
  CREATE UNIQUE INDEX "letters_idempotency_key_idx" ON "letters" USING btree ("idempotency_key");
  CREATE INDEX "letters_status_idx" ON "letters" USING btree ("status");
  CREATE INDEX "letters_received_at_idx" ON "letters" USING btree ("received_at");
  CREATE INDEX "letters_accept_due_date_idx" ON "letters" USING btree ("accept_due_date");
  CREATE INDEX "letters_answer_due_date_idx" ON "letters" USING btree ("answer_due_date");
  CREATE INDEX "letters_veto_date_idx" ON "letters" USING btree ("veto_date");
  CREATE INDEX "letters_follow_up_due_date_idx" ON "letters" USING btree ("follow_up_due_date");
  CREATE INDEX "letters_first_site_idx" ON "letters" USING btree ("first_site_id");
  CREATE INDEX "letters_answer_file_idx" ON "letters" USING btree ("answer_file_id");
  CREATE INDEX "letters_answered_at_idx" ON "letters" USING btree ("answered_at");
  CREATE INDEX "letters_answered_by_idx" ON "letters" USING btree ("answered_by_id");
  CREATE INDEX "letters_approved_by_idx" ON "letters" USING btree ("approved_by_id");
  CREATE INDEX "letters_published_idx" ON "letters" USING btree ("published");
  CREATE INDEX "letters_published_at_idx" ON "letters" USING btree ("published_at");
  CREATE INDEX "letters_rating_idx" ON "letters" USING btree ("rating");
  CREATE INDEX "letters_updated_at_idx" ON "letters" USING btree ("updated_at");
  CREATE INDEX "letters_created_at_idx" ON "letters" USING btree ("created_at");
  CREATE INDEX "letters_rels_order_idx" ON "letters_rels" USING btree ("order");
  CREATE INDEX "letters_rels_parent_idx" ON "letters_rels" USING btree ("parent_id");
  CREATE INDEX "letters_rels_path_idx" ON "letters_rels" USING btree ("path");
  CREATE INDEX "letters_rels_request_files_id_idx" ON "letters_rels" USING btree ("request_files_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mailboxes_fk" FOREIGN KEY ("mailboxes_id") REFERENCES "public"."mailboxes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_letters_fk" FOREIGN KEY ("letters_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_mailboxes_id_idx" ON "payload_locked_documents_rels" USING btree ("mailboxes_id");
  CREATE INDEX "payload_locked_documents_rels_letters_id_idx" ON "payload_locked_documents_rels" USING btree ("letters_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "mailboxes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "letters_transfers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "letters_timeline" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "letters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "letters_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "mailboxes" CASCADE;
  DROP TABLE "letters_transfers" CASCADE;
  DROP TABLE "letters_timeline" CASCADE;
  DROP TABLE "letters" CASCADE;
  DROP TABLE "letters_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_mailboxes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_letters_fk";
  
  DROP INDEX "payload_locked_documents_rels_mailboxes_id_idx";
  DROP INDEX "payload_locked_documents_rels_letters_id_idx";
  ALTER TABLE "sites" DROP COLUMN "interaction_review_answers";
  ALTER TABLE "sites" DROP COLUMN "interaction_follow_up_days";
  ALTER TABLE "sites" DROP COLUMN "interaction_ranking_minimum";
  ALTER TABLE "sites" DROP COLUMN "interaction_default_satisfied";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mailboxes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "letters_id";
  DROP TYPE "public"."enum_mailboxes_kind";
  DROP TYPE "public"."enum_letters_status";
  DROP TYPE "public"."enum_letters_channel";
  DROP TYPE "public"."enum_letters_category";
  DROP TYPE "public"."enum_letters_writer_title";
  DROP TYPE "public"."enum_letters_reject_reason";
  DROP TYPE "public"."enum_letters_rating";
  DROP TYPE "public"."enum_letters_resolved";`)
}
