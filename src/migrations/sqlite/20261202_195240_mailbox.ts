// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`mailboxes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`kind\` text DEFAULT 'leader' NOT NULL,
  	\`leader_name\` text,
  	\`leader_title\` text,
  	\`photo_id\` integer,
  	\`intro\` text,
  	\`open\` integer DEFAULT true,
  	\`order\` numeric DEFAULT 0,
  	\`accept_days\` numeric DEFAULT 3 NOT NULL,
  	\`answer_days\` numeric DEFAULT 15 NOT NULL,
  	\`max_extension_days\` numeric DEFAULT 15 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`mailboxes_site_idx\` ON \`mailboxes\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`mailboxes_slug_idx\` ON \`mailboxes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`mailboxes_photo_idx\` ON \`mailboxes\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`mailboxes_updated_at_idx\` ON \`mailboxes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mailboxes_created_at_idx\` ON \`mailboxes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`letters_transfers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from_id\` integer,
  	\`to_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`from_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`to_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`letters_transfers_order_idx\` ON \`letters_transfers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`letters_transfers_parent_id_idx\` ON \`letters_transfers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_transfers_from_idx\` ON \`letters_transfers\` (\`from_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_transfers_to_idx\` ON \`letters_transfers\` (\`to_id\`);`)
  await db.run(sql`CREATE TABLE \`letters_timeline\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`label\` text,
  	\`note\` text,
  	\`internal_note\` text,
  	\`by_id\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`letters_timeline_order_idx\` ON \`letters_timeline\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`letters_timeline_parent_id_idx\` ON \`letters_timeline\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_timeline_by_idx\` ON \`letters_timeline\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`letters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`mailbox_id\` integer NOT NULL,
  	\`number\` text,
  	\`query_code\` text,
  	\`idempotency_key\` text,
  	\`status\` text DEFAULT 'submitted' NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`accept_due_date\` text,
  	\`answer_due_date\` text,
  	\`veto_date\` text,
  	\`follow_up_due_date\` text,
  	\`due_explanation\` text,
  	\`first_site_id\` integer,
  	\`channel\` text DEFAULT 'letter' NOT NULL,
  	\`subject\` text NOT NULL,
  	\`category\` text DEFAULT 'consult' NOT NULL,
  	\`content\` text NOT NULL,
  	\`writer_name\` text NOT NULL,
  	\`writer_title\` text DEFAULT 'none',
  	\`phone\` text,
  	\`email\` text,
  	\`consent_personal_data\` integer DEFAULT true,
  	\`consent_publish\` integer DEFAULT false,
  	\`answer\` text,
  	\`answer_file_id\` integer,
  	\`accepted_at\` text,
  	\`answered_at\` text,
  	\`closed_at\` text,
  	\`answered_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	\`reject_reason\` text,
  	\`reject_note\` text,
  	\`extension_days\` numeric DEFAULT 0,
  	\`extension_reason\` text,
  	\`published\` integer DEFAULT false,
  	\`published_at\` text,
  	\`rating\` text,
  	\`resolved\` text,
  	\`rated_at\` text,
  	\`rating_comment\` text,
  	\`follow_up_answer\` text,
  	\`follow_up_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mailbox_id\`) REFERENCES \`mailboxes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`first_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`answer_file_id\`) REFERENCES \`request_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`answered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`letters_site_idx\` ON \`letters\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_mailbox_idx\` ON \`letters\` (\`mailbox_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_number_idx\` ON \`letters\` (\`number\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_query_code_idx\` ON \`letters\` (\`query_code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_idempotency_key_idx\` ON \`letters\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`letters_status_idx\` ON \`letters\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`letters_received_at_idx\` ON \`letters\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_accept_due_date_idx\` ON \`letters\` (\`accept_due_date\`);`)
  await db.run(sql`CREATE INDEX \`letters_answer_due_date_idx\` ON \`letters\` (\`answer_due_date\`);`)
  await db.run(sql`CREATE INDEX \`letters_veto_date_idx\` ON \`letters\` (\`veto_date\`);`)
  await db.run(sql`CREATE INDEX \`letters_follow_up_due_date_idx\` ON \`letters\` (\`follow_up_due_date\`);`)
  await db.run(sql`CREATE INDEX \`letters_first_site_idx\` ON \`letters\` (\`first_site_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_answer_file_idx\` ON \`letters\` (\`answer_file_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_answered_at_idx\` ON \`letters\` (\`answered_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_answered_by_idx\` ON \`letters\` (\`answered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_approved_by_idx\` ON \`letters\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_published_idx\` ON \`letters\` (\`published\`);`)
  await db.run(sql`CREATE INDEX \`letters_published_at_idx\` ON \`letters\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_rating_idx\` ON \`letters\` (\`rating\`);`)
  await db.run(sql`CREATE INDEX \`letters_updated_at_idx\` ON \`letters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_created_at_idx\` ON \`letters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`letters_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`request_files_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`request_files_id\`) REFERENCES \`request_files\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`letters_rels_order_idx\` ON \`letters_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`letters_rels_parent_idx\` ON \`letters_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_rels_path_idx\` ON \`letters_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`letters_rels_request_files_id_idx\` ON \`letters_rels\` (\`request_files_id\`);`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`interaction_review_answers\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`interaction_follow_up_days\` numeric DEFAULT 5;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`interaction_ranking_minimum\` numeric DEFAULT 10;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`interaction_default_satisfied\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`mailboxes_id\` integer REFERENCES mailboxes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`letters_id\` integer REFERENCES letters(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mailboxes_id_idx\` ON \`payload_locked_documents_rels\` (\`mailboxes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letters_id_idx\` ON \`payload_locked_documents_rels\` (\`letters_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`mailboxes\`;`)
  await db.run(sql`DROP TABLE \`letters_transfers\`;`)
  await db.run(sql`DROP TABLE \`letters_timeline\`;`)
  await db.run(sql`DROP TABLE \`letters\`;`)
  await db.run(sql`DROP TABLE \`letters_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sites_id\` integer,
  	\`users_id\` integer,
  	\`columns_id\` integer,
  	\`articles_id\` integer,
  	\`media_id\` integer,
  	\`attachments_id\` integer,
  	\`work_calendar_id\` integer,
  	\`numbering_series_id\` integer,
  	\`number_assignments_id\` integer,
  	\`numbering_counters_id\` integer,
  	\`audit_events_id\` integer,
  	\`notifications_id\` integer,
  	\`disclosure_topics_id\` integer,
  	\`disclosure_genres_id\` integer,
  	\`disclosure_requests_id\` integer,
  	\`request_files_id\` integer,
  	\`annual_reports_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attachments_id\`) REFERENCES \`attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_calendar_id\`) REFERENCES \`work_calendar\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`numbering_series_id\`) REFERENCES \`numbering_series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`number_assignments_id\`) REFERENCES \`number_assignments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`numbering_counters_id\`) REFERENCES \`numbering_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_events_id\`) REFERENCES \`audit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclosure_topics_id\`) REFERENCES \`disclosure_topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclosure_genres_id\`) REFERENCES \`disclosure_genres\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclosure_requests_id\`) REFERENCES \`disclosure_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`request_files_id\`) REFERENCES \`request_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`annual_reports_id\`) REFERENCES \`annual_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id", "numbering_series_id", "number_assignments_id", "numbering_counters_id", "audit_events_id", "notifications_id", "disclosure_topics_id", "disclosure_genres_id", "disclosure_requests_id", "request_files_id", "annual_reports_id") SELECT "id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id", "numbering_series_id", "number_assignments_id", "numbering_counters_id", "audit_events_id", "notifications_id", "disclosure_topics_id", "disclosure_genres_id", "disclosure_requests_id", "request_files_id", "annual_reports_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_work_calendar_id_idx\` ON \`payload_locked_documents_rels\` (\`work_calendar_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_numbering_series_id_idx\` ON \`payload_locked_documents_rels\` (\`numbering_series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_number_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`number_assignments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_numbering_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`numbering_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_genres_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_genres_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_request_files_id_idx\` ON \`payload_locked_documents_rels\` (\`request_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_annual_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`annual_reports_id\`);`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`interaction_review_answers\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`interaction_follow_up_days\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`interaction_ranking_minimum\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`interaction_default_satisfied\`;`)
}
