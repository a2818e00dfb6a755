// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`columns_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`columns_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`columns_rels_order_idx\` ON \`columns_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`columns_rels_parent_idx\` ON \`columns_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_rels_path_idx\` ON \`columns_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`columns_rels_columns_id_idx\` ON \`columns_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE TABLE \`shares\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`article_id\` integer NOT NULL,
  	\`origin_site_id\` integer NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`column_id\` integer NOT NULL,
  	\`via\` text NOT NULL,
  	\`source_column_id\` integer,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`decline_reason\` text,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`origin_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`shares_key_idx\` ON \`shares\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`shares_article_idx\` ON \`shares\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`shares_origin_site_idx\` ON \`shares\` (\`origin_site_id\`);`)
  await db.run(sql`CREATE INDEX \`shares_site_idx\` ON \`shares\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`shares_column_idx\` ON \`shares\` (\`column_id\`);`)
  await db.run(sql`CREATE INDEX \`shares_source_column_idx\` ON \`shares\` (\`source_column_id\`);`)
  await db.run(sql`CREATE INDEX \`shares_status_idx\` ON \`shares\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`shares_decided_by_idx\` ON \`shares\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`shares_updated_at_idx\` ON \`shares\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`shares_created_at_idx\` ON \`shares\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`share_review\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`sites_id\` integer REFERENCES sites(id);`)
  await db.run(sql`CREATE INDEX \`articles_rels_sites_id_idx\` ON \`articles_rels\` (\`sites_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`sites_id\` integer REFERENCES sites(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_sites_id_idx\` ON \`_articles_v_rels\` (\`sites_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`shares_id\` integer REFERENCES shares(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_shares_id_idx\` ON \`payload_locked_documents_rels\` (\`shares_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`columns_rels\`;`)
  await db.run(sql`DROP TABLE \`shares\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`columns_id\` integer,
  	\`attachments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attachments_id\`) REFERENCES \`attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_rels\`("id", "order", "parent_id", "path", "columns_id", "attachments_id") SELECT "id", "order", "parent_id", "path", "columns_id", "attachments_id" FROM \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_rels\` RENAME TO \`articles_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_columns_id_idx\` ON \`articles_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_attachments_id_idx\` ON \`articles_rels\` (\`attachments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`columns_id\` integer,
  	\`attachments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attachments_id\`) REFERENCES \`attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_rels\`("id", "order", "parent_id", "path", "columns_id", "attachments_id") SELECT "id", "order", "parent_id", "path", "columns_id", "attachments_id" FROM \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_rels\` RENAME TO \`_articles_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_columns_id_idx\` ON \`_articles_v_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_attachments_id_idx\` ON \`_articles_v_rels\` (\`attachments_id\`);`)
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
  	\`mailboxes_id\` integer,
  	\`letters_id\` integer,
  	\`error_reports_id\` integer,
  	\`site_audits_id\` integer,
  	\`site_probes_id\` integer,
  	\`link_checks_id\` integer,
  	\`search_misses_id\` integer,
  	\`url_mappings_id\` integer,
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
  	FOREIGN KEY (\`annual_reports_id\`) REFERENCES \`annual_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mailboxes_id\`) REFERENCES \`mailboxes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letters_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`error_reports_id\`) REFERENCES \`error_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_audits_id\`) REFERENCES \`site_audits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_probes_id\`) REFERENCES \`site_probes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`link_checks_id\`) REFERENCES \`link_checks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_misses_id\`) REFERENCES \`search_misses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`url_mappings_id\`) REFERENCES \`url_mappings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id", "numbering_series_id", "number_assignments_id", "numbering_counters_id", "audit_events_id", "notifications_id", "disclosure_topics_id", "disclosure_genres_id", "disclosure_requests_id", "request_files_id", "annual_reports_id", "mailboxes_id", "letters_id", "error_reports_id", "site_audits_id", "site_probes_id", "link_checks_id", "search_misses_id", "url_mappings_id") SELECT "id", "order", "parent_id", "path", "sites_id", "users_id", "columns_id", "articles_id", "media_id", "attachments_id", "work_calendar_id", "numbering_series_id", "number_assignments_id", "numbering_counters_id", "audit_events_id", "notifications_id", "disclosure_topics_id", "disclosure_genres_id", "disclosure_requests_id", "request_files_id", "annual_reports_id", "mailboxes_id", "letters_id", "error_reports_id", "site_audits_id", "site_probes_id", "link_checks_id", "search_misses_id", "url_mappings_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_genres_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_genres_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_request_files_id_idx\` ON \`payload_locked_documents_rels\` (\`request_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_annual_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`annual_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mailboxes_id_idx\` ON \`payload_locked_documents_rels\` (\`mailboxes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letters_id_idx\` ON \`payload_locked_documents_rels\` (\`letters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_error_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`error_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_audits_id_idx\` ON \`payload_locked_documents_rels\` (\`site_audits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_probes_id_idx\` ON \`payload_locked_documents_rels\` (\`site_probes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_link_checks_id_idx\` ON \`payload_locked_documents_rels\` (\`link_checks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_misses_id_idx\` ON \`payload_locked_documents_rels\` (\`search_misses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_url_mappings_id_idx\` ON \`payload_locked_documents_rels\` (\`url_mappings_id\`);`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`share_review\`;`)
}
