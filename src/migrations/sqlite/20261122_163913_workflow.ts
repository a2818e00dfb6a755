// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`by_id\` integer,
  	\`move\` text,
  	\`from\` text,
  	\`to\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_history_order_idx\` ON \`articles_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_history_parent_id_idx\` ON \`articles_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_history_by_idx\` ON \`articles_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`by_id\` integer,
  	\`move\` text,
  	\`from\` text,
  	\`to\` text,
  	\`reason\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_history_order_idx\` ON \`_articles_v_version_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_history_parent_id_idx\` ON \`_articles_v_version_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_history_by_idx\` ON \`_articles_v_version_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`numbering_series\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`name\` text NOT NULL,
  	\`prefix\` text NOT NULL,
  	\`kind\` text DEFAULT 'regular' NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`numbering_series_site_idx\` ON \`numbering_series\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`numbering_series_updated_at_idx\` ON \`numbering_series\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`numbering_series_created_at_idx\` ON \`numbering_series\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`number_assignments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`number\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`scope\` text NOT NULL,
  	\`series_id\` integer,
  	\`year\` numeric NOT NULL,
  	\`seq\` numeric NOT NULL,
  	\`article_id\` integer,
  	\`status\` text DEFAULT 'assigned' NOT NULL,
  	\`taken_at\` text,
  	\`taken_by_id\` integer,
  	\`void_reason\` text,
  	\`voided_at\` text,
  	\`voided_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`numbering_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`taken_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`voided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`number_assignments_site_idx\` ON \`number_assignments\` (\`site_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`number_assignments_number_idx\` ON \`number_assignments\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`number_assignments_series_idx\` ON \`number_assignments\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`number_assignments_article_idx\` ON \`number_assignments\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`number_assignments_taken_by_idx\` ON \`number_assignments\` (\`taken_by_id\`);`)
  await db.run(sql`CREATE INDEX \`number_assignments_voided_by_idx\` ON \`number_assignments\` (\`voided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`number_assignments_updated_at_idx\` ON \`number_assignments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`number_assignments_created_at_idx\` ON \`number_assignments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`kind_scope_year_seq_idx\` ON \`number_assignments\` (\`kind\`,\`scope\`,\`year\`,\`seq\`);`)
  await db.run(sql`CREATE TABLE \`numbering_counters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`last\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`numbering_counters_key_idx\` ON \`numbering_counters\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`numbering_counters_updated_at_idx\` ON \`numbering_counters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`numbering_counters_created_at_idx\` ON \`numbering_counters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`seq\` numeric NOT NULL,
  	\`at\` text NOT NULL,
  	\`user\` text,
  	\`user_email\` text,
  	\`site_id\` integer,
  	\`action\` text NOT NULL,
  	\`target\` text,
  	\`outcome\` text NOT NULL,
  	\`detail\` text,
  	\`prev_hash\` text NOT NULL,
  	\`hash\` text NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`audit_events_seq_idx\` ON \`audit_events\` (\`seq\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_at_idx\` ON \`audit_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_user_idx\` ON \`audit_events\` (\`user\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_site_idx\` ON \`audit_events\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_target_idx\` ON \`audit_events\` (\`target\`);`)
  await db.run(sql`CREATE TABLE \`notifications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`site_id\` integer,
  	\`kind\` text NOT NULL,
  	\`subject\` text,
  	\`recipients\` text,
  	\`target\` text,
  	\`sent_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`notifications_key_idx\` ON \`notifications\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`notifications_site_idx\` ON \`notifications\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_target_idx\` ON \`notifications\` (\`target\`);`)
  await db.run(sql`CREATE INDEX \`notifications_updated_at_idx\` ON \`notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notifications_created_at_idx\` ON \`notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`publishing_checks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sensitive_words\` text,
  	\`leader_names\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`title\` text NOT NULL,
  	\`summary\` text,
  	\`body\` text,
  	\`cover_image_id\` integer,
  	\`source\` text,
  	\`author\` text,
  	\`disclosure_mode\` text DEFAULT 'proactive',
  	\`issuing_organ\` text,
  	\`date_formed\` text,
  	\`disclosure_reason\` text,
  	\`numbering_series_id\` integer,
  	\`doc_number\` text,
  	\`index_number\` text,
  	\`state\` text DEFAULT 'draft' NOT NULL,
  	\`scheduled_at\` text,
  	\`unpublish_at\` text,
  	\`signed_at\` text,
  	\`published_at\` text,
  	\`checks_confirmed\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`return_reason\` text,
  	\`withdrawn_reason\` text,
  	\`withdrawn_at\` text,
  	\`unpublished_reason\` text,
  	\`unpublished_at\` text,
  	\`replacement_id\` integer,
  	\`emergency\` integer,
  	\`emergency_reason\` text,
  	\`emergency_reviewed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`numbering_series_id\`) REFERENCES \`numbering_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`replacement_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "site_id", "title", "summary", "body", "cover_image_id", "source", "author", "disclosure_mode", "issuing_organ", "date_formed", "disclosure_reason", "numbering_series_id", "doc_number", "index_number", "state", "scheduled_at", "unpublish_at", "signed_at", "published_at", "checks_confirmed", "submitted_by_id", "submitted_at", "return_reason", "withdrawn_reason", "withdrawn_at", "unpublished_reason", "unpublished_at", "replacement_id", "emergency", "emergency_reason", "emergency_reviewed_at", "updated_at", "created_at") SELECT "id", "site_id", "title", "summary", "body", "cover_image_id", "source", "author", "disclosure_mode", "issuing_organ", "date_formed", "disclosure_reason", "numbering_series_id", "doc_number", "index_number", "state", "scheduled_at", "unpublish_at", "signed_at", "published_at", "checks_confirmed", "submitted_by_id", "submitted_at", "return_reason", "withdrawn_reason", "withdrawn_at", "unpublished_reason", "unpublished_at", "replacement_id", "emergency", "emergency_reason", "emergency_reviewed_at", "updated_at", "created_at" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_site_idx\` ON \`articles\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_cover_image_idx\` ON \`articles\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_numbering_series_idx\` ON \`articles\` (\`numbering_series_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_doc_number_idx\` ON \`articles\` (\`doc_number\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_index_number_idx\` ON \`articles\` (\`index_number\`);`)
  await db.run(sql`CREATE INDEX \`articles_state_idx\` ON \`articles\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`articles_scheduled_at_idx\` ON \`articles\` (\`scheduled_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_unpublish_at_idx\` ON \`articles\` (\`unpublish_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_signed_at_idx\` ON \`articles\` (\`signed_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_submitted_by_idx\` ON \`articles\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_replacement_idx\` ON \`articles\` (\`replacement_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_site_id\` integer NOT NULL,
  	\`version_title\` text NOT NULL,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_cover_image_id\` integer,
  	\`version_source\` text,
  	\`version_author\` text,
  	\`version_disclosure_mode\` text DEFAULT 'proactive',
  	\`version_issuing_organ\` text,
  	\`version_date_formed\` text,
  	\`version_disclosure_reason\` text,
  	\`version_numbering_series_id\` integer,
  	\`version_doc_number\` text,
  	\`version_index_number\` text,
  	\`version_state\` text DEFAULT 'draft' NOT NULL,
  	\`version_scheduled_at\` text,
  	\`version_unpublish_at\` text,
  	\`version_signed_at\` text,
  	\`version_published_at\` text,
  	\`version_checks_confirmed\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_return_reason\` text,
  	\`version_withdrawn_reason\` text,
  	\`version_withdrawn_at\` text,
  	\`version_unpublished_reason\` text,
  	\`version_unpublished_at\` text,
  	\`version_replacement_id\` integer,
  	\`version_emergency\` integer,
  	\`version_emergency_reason\` text,
  	\`version_emergency_reviewed_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_numbering_series_id\`) REFERENCES \`numbering_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_replacement_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_site_id", "version_title", "version_summary", "version_body", "version_cover_image_id", "version_source", "version_author", "version_disclosure_mode", "version_issuing_organ", "version_date_formed", "version_disclosure_reason", "version_numbering_series_id", "version_doc_number", "version_index_number", "version_state", "version_scheduled_at", "version_unpublish_at", "version_signed_at", "version_published_at", "version_checks_confirmed", "version_submitted_by_id", "version_submitted_at", "version_return_reason", "version_withdrawn_reason", "version_withdrawn_at", "version_unpublished_reason", "version_unpublished_at", "version_replacement_id", "version_emergency", "version_emergency_reason", "version_emergency_reviewed_at", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_site_id", "version_title", "version_summary", "version_body", "version_cover_image_id", "version_source", "version_author", "version_disclosure_mode", "version_issuing_organ", "version_date_formed", "version_disclosure_reason", "version_numbering_series_id", "version_doc_number", "version_index_number", "version_state", "version_scheduled_at", "version_unpublish_at", "version_signed_at", "version_published_at", "version_checks_confirmed", "version_submitted_by_id", "version_submitted_at", "version_return_reason", "version_withdrawn_reason", "version_withdrawn_at", "version_unpublished_reason", "version_unpublished_at", "version_replacement_id", "version_emergency", "version_emergency_reason", "version_emergency_reviewed_at", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_site_idx\` ON \`_articles_v\` (\`version_site_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_image_idx\` ON \`_articles_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_numbering_series_idx\` ON \`_articles_v\` (\`version_numbering_series_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_doc_number_idx\` ON \`_articles_v\` (\`version_doc_number\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_index_number_idx\` ON \`_articles_v\` (\`version_index_number\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_state_idx\` ON \`_articles_v\` (\`version_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_scheduled_at_idx\` ON \`_articles_v\` (\`version_scheduled_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_unpublish_at_idx\` ON \`_articles_v\` (\`version_unpublish_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_signed_at_idx\` ON \`_articles_v\` (\`version_signed_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_submitted_by_idx\` ON \`_articles_v\` (\`version_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_replacement_idx\` ON \`_articles_v\` (\`version_replacement_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`publishing_review_step\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`publishing_four_eyes\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`numbering_series_id\` integer REFERENCES numbering_series(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`number_assignments_id\` integer REFERENCES number_assignments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`numbering_counters_id\` integer REFERENCES numbering_counters(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_events_id\` integer REFERENCES audit_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notifications_id\` integer REFERENCES notifications(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_numbering_series_id_idx\` ON \`payload_locked_documents_rels\` (\`numbering_series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_number_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`number_assignments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_numbering_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`numbering_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_history\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_history\`;`)
  await db.run(sql`DROP TABLE \`numbering_series\`;`)
  await db.run(sql`DROP TABLE \`number_assignments\`;`)
  await db.run(sql`DROP TABLE \`numbering_counters\`;`)
  await db.run(sql`DROP TABLE \`audit_events\`;`)
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`publishing_checks\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`title\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`cover_image_id\` integer,
  	\`source\` text,
  	\`author\` text,
  	\`published_at\` text,
  	\`doc_number\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "site_id", "title", "summary", "body", "cover_image_id", "source", "author", "published_at", "doc_number", "updated_at", "created_at", "_status") SELECT "id", "site_id", "title", "summary", "body", "cover_image_id", "source", "author", "published_at", "doc_number", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_site_idx\` ON \`articles\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_cover_image_idx\` ON \`articles\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_site_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_cover_image_id\` integer,
  	\`version_source\` text,
  	\`version_author\` text,
  	\`version_published_at\` text,
  	\`version_doc_number\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_site_id", "version_title", "version_summary", "version_body", "version_cover_image_id", "version_source", "version_author", "version_published_at", "version_doc_number", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_site_id", "version_title", "version_summary", "version_body", "version_cover_image_id", "version_source", "version_author", "version_published_at", "version_doc_number", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_site_idx\` ON \`_articles_v\` (\`version_site_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_image_idx\` ON \`_articles_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attachments_id\`) REFERENCES \`attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_calendar_id\`) REFERENCES \`work_calendar\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id") SELECT "id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`publishing_review_step\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`publishing_four_eyes\`;`)
}
