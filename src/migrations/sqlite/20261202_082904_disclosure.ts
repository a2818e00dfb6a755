// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`disclosure_topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`code\` text,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosure_topics_name_idx\` ON \`disclosure_topics\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_topics_updated_at_idx\` ON \`disclosure_topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_topics_created_at_idx\` ON \`disclosure_topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`disclosure_genres\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`code\` text,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosure_genres_name_idx\` ON \`disclosure_genres\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_genres_updated_at_idx\` ON \`disclosure_genres\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_genres_created_at_idx\` ON \`disclosure_genres\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`disclosure_requests_timeline\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`label\` text,
  	\`note\` text,
  	\`internal_note\` text,
  	\`by_id\` integer,
  	\`days\` numeric,
  	\`approver\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`disclosure_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosure_requests_timeline_order_idx\` ON \`disclosure_requests_timeline\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_timeline_parent_id_idx\` ON \`disclosure_requests_timeline\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_timeline_by_idx\` ON \`disclosure_requests_timeline\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`disclosure_requests_appeals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`filed_at\` text NOT NULL,
  	\`decided_at\` text,
  	\`result\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`disclosure_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosure_requests_appeals_order_idx\` ON \`disclosure_requests_appeals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_appeals_parent_id_idx\` ON \`disclosure_requests_appeals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`disclosure_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`tracking_code\` text,
  	\`idempotency_key\` text,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`due_date\` text,
  	\`due_explanation\` text,
  	\`channel\` text DEFAULT 'letter' NOT NULL,
  	\`applicant_kind\` text NOT NULL,
  	\`applicant_name\` text NOT NULL,
  	\`id_type\` text,
  	\`id_number\` text,
  	\`legal_representative\` text,
  	\`contact_person\` text,
  	\`phone\` text,
  	\`email\` text,
  	\`address\` text,
  	\`postcode\` text,
  	\`description\` text NOT NULL,
  	\`document_ref\` text,
  	\`form_wanted\` text,
  	\`delivery\` text,
  	\`reply_text\` text,
  	\`reply_file_id\` integer,
  	\`outcome\` text,
  	\`answered_at\` text,
  	\`pages\` numeric,
  	\`fee_amount\` numeric,
  	\`fee_notice_at\` text,
  	\`fee_paid_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reply_file_id\`) REFERENCES \`request_files\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosure_requests_site_idx\` ON \`disclosure_requests\` (\`site_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosure_requests_tracking_code_idx\` ON \`disclosure_requests\` (\`tracking_code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosure_requests_idempotency_key_idx\` ON \`disclosure_requests\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_status_idx\` ON \`disclosure_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_received_at_idx\` ON \`disclosure_requests\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_due_date_idx\` ON \`disclosure_requests\` (\`due_date\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_id_number_idx\` ON \`disclosure_requests\` (\`id_number\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_reply_file_idx\` ON \`disclosure_requests\` (\`reply_file_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_outcome_idx\` ON \`disclosure_requests\` (\`outcome\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_answered_at_idx\` ON \`disclosure_requests\` (\`answered_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_updated_at_idx\` ON \`disclosure_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_created_at_idx\` ON \`disclosure_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`disclosure_requests_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`request_files_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`disclosure_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`request_files_id\`) REFERENCES \`request_files\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosure_requests_rels_order_idx\` ON \`disclosure_requests_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_rels_parent_idx\` ON \`disclosure_requests_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_rels_path_idx\` ON \`disclosure_requests_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`disclosure_requests_rels_request_files_id_idx\` ON \`disclosure_requests_rels\` (\`request_files_id\`);`)
  await db.run(sql`CREATE TABLE \`request_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`purpose\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`request_files_site_idx\` ON \`request_files\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`request_files_updated_at_idx\` ON \`request_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`request_files_created_at_idx\` ON \`request_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`request_files_filename_idx\` ON \`request_files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`annual_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`section1\` text,
  	\`licensing\` numeric,
  	\`penalty\` numeric,
  	\`coercion\` numeric,
  	\`fees_wan_yuan\` numeric,
  	\`section5\` text,
  	\`section6\` text,
  	\`published\` integer DEFAULT false,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`annual_reports_site_idx\` ON \`annual_reports\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`annual_reports_year_idx\` ON \`annual_reports\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`annual_reports_updated_at_idx\` ON \`annual_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`annual_reports_created_at_idx\` ON \`annual_reports\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_include_departments\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_office\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_address\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_postcode\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_hours\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_phone\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_fax\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_email\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`disclosure_guide_notes\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`topic_id\` integer REFERENCES disclosure_topics(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`genre_id\` integer REFERENCES disclosure_genres(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`document_kind\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`validity\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`validity_changed_on\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`validity_changed_by_id\` integer REFERENCES articles(id);`)
  await db.run(sql`CREATE INDEX \`articles_topic_idx\` ON \`articles\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_genre_idx\` ON \`articles\` (\`genre_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_validity_changed_by_idx\` ON \`articles\` (\`validity_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_topic_id\` integer REFERENCES disclosure_topics(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_genre_id\` integer REFERENCES disclosure_genres(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_document_kind\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_validity\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_validity_changed_on\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_validity_changed_by_id\` integer REFERENCES articles(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_topic_idx\` ON \`_articles_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_genre_idx\` ON \`_articles_v\` (\`version_genre_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_validity_changed_by_idx\` ON \`_articles_v\` (\`version_validity_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`disclosure_topics_id\` integer REFERENCES disclosure_topics(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`disclosure_genres_id\` integer REFERENCES disclosure_genres(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`disclosure_requests_id\` integer REFERENCES disclosure_requests(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`request_files_id\` integer REFERENCES request_files(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`annual_reports_id\` integer REFERENCES annual_reports(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_genres_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_genres_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_request_files_id_idx\` ON \`payload_locked_documents_rels\` (\`request_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_annual_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`annual_reports_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`disclosure_topics\`;`)
  await db.run(sql`DROP TABLE \`disclosure_genres\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests_timeline\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests_appeals\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests_rels\`;`)
  await db.run(sql`DROP TABLE \`request_files\`;`)
  await db.run(sql`DROP TABLE \`annual_reports\`;`)
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
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id", "numbering_series_id", "number_assignments_id", "numbering_counters_id", "audit_events_id", "notifications_id") SELECT "id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id", "numbering_series_id", "number_assignments_id", "numbering_counters_id", "audit_events_id", "notifications_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_numbering_series_id_idx\` ON \`payload_locked_documents_rels\` (\`numbering_series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_number_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`number_assignments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_numbering_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`numbering_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_include_departments\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_office\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_address\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_postcode\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_hours\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_phone\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_fax\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_email\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`disclosure_guide_notes\`;`)
}
