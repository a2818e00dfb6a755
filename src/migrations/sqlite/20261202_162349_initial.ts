// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sites_domains\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`domain\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sites_domains_order_idx\` ON \`sites_domains\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sites_domains_parent_id_idx\` ON \`sites_domains\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`sites_leaders\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`duties\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sites_leaders_order_idx\` ON \`sites_leaders\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sites_leaders_parent_id_idx\` ON \`sites_leaders\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`sites\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`kind\` text DEFAULT 'department' NOT NULL,
  	\`theme\` text DEFAULT 'department' NOT NULL,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`parent_id\` integer,
  	\`site_id_code\` text NOT NULL,
  	\`org_name\` text NOT NULL,
  	\`org_code\` text,
  	\`icp\` text,
  	\`psb_record\` text,
  	\`sponsor\` text NOT NULL,
  	\`operator\` text,
  	\`address\` text,
  	\`postcode\` text,
  	\`phone\` text,
  	\`office_hours\` text,
  	\`publishing_review_step\` integer DEFAULT true,
  	\`publishing_four_eyes\` integer DEFAULT true,
  	\`disclosure_include_departments\` integer DEFAULT false,
  	\`disclosure_office\` text,
  	\`disclosure_address\` text,
  	\`disclosure_postcode\` text,
  	\`disclosure_hours\` text,
  	\`disclosure_phone\` text,
  	\`disclosure_fax\` text,
  	\`disclosure_email\` text,
  	\`disclosure_guide_notes\` text,
  	\`successor_id\` integer,
  	\`closed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`successor_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_slug_idx\` ON \`sites\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sites_parent_idx\` ON \`sites\` (\`parent_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_site_id_code_idx\` ON \`sites\` (\`site_id_code\`);`)
  await db.run(sql`CREATE INDEX \`sites_successor_idx\` ON \`sites\` (\`successor_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_updated_at_idx\` ON \`sites\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sites_created_at_idx\` ON \`sites\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_platform_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_platform_roles_order_idx\` ON \`users_platform_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_platform_roles_parent_idx\` ON \`users_platform_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sites_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users_sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sites_roles_order_idx\` ON \`users_sites_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_sites_roles_parent_idx\` ON \`users_sites_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sites\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sites_order_idx\` ON \`users_sites\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sites_parent_id_idx\` ON \`users_sites\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_sites_site_idx\` ON \`users_sites\` (\`site_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`columns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`parent_id\` integer,
  	\`path\` text,
  	\`update_class\` text DEFAULT 'news' NOT NULL,
  	\`is_disclosure\` integer DEFAULT false,
  	\`show_on_home\` integer DEFAULT false,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`columns_site_idx\` ON \`columns\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_parent_idx\` ON \`columns\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_path_idx\` ON \`columns\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`columns_updated_at_idx\` ON \`columns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`columns_created_at_idx\` ON \`columns\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`articles\` (
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
  	\`topic_id\` integer,
  	\`genre_id\` integer,
  	\`document_kind\` text,
  	\`validity\` text,
  	\`validity_changed_on\` text,
  	\`validity_changed_by_id\` integer,
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
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`disclosure_topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`genre_id\`) REFERENCES \`disclosure_genres\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`validity_changed_by_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`numbering_series_id\`) REFERENCES \`numbering_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`replacement_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_site_idx\` ON \`articles\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_cover_image_idx\` ON \`articles\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_topic_idx\` ON \`articles\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_genre_idx\` ON \`articles\` (\`genre_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_validity_changed_by_idx\` ON \`articles\` (\`validity_changed_by_id\`);`)
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
  await db.run(sql`CREATE TABLE \`articles_rels\` (
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
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_columns_id_idx\` ON \`articles_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_attachments_id_idx\` ON \`articles_rels\` (\`attachments_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_articles_v\` (
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
  	\`version_topic_id\` integer,
  	\`version_genre_id\` integer,
  	\`version_document_kind\` text,
  	\`version_validity\` text,
  	\`version_validity_changed_on\` text,
  	\`version_validity_changed_by_id\` integer,
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
  	FOREIGN KEY (\`version_topic_id\`) REFERENCES \`disclosure_topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_genre_id\`) REFERENCES \`disclosure_genres\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_validity_changed_by_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_numbering_series_id\`) REFERENCES \`numbering_series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_replacement_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_site_idx\` ON \`_articles_v\` (\`version_site_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_image_idx\` ON \`_articles_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_topic_idx\` ON \`_articles_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_genre_idx\` ON \`_articles_v\` (\`version_genre_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_validity_changed_by_idx\` ON \`_articles_v\` (\`version_validity_changed_by_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_articles_v_rels\` (
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
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_columns_id_idx\` ON \`_articles_v_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_attachments_id_idx\` ON \`_articles_v_rels\` (\`attachments_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`alt\` text NOT NULL,
  	\`caption\` text,
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
  	\`sizes_thumb_url\` text,
  	\`sizes_thumb_width\` numeric,
  	\`sizes_thumb_height\` numeric,
  	\`sizes_thumb_mime_type\` text,
  	\`sizes_thumb_filesize\` numeric,
  	\`sizes_thumb_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_large_url\` text,
  	\`sizes_large_width\` numeric,
  	\`sizes_large_height\` numeric,
  	\`sizes_large_mime_type\` text,
  	\`sizes_large_filesize\` numeric,
  	\`sizes_large_filename\` text,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_site_idx\` ON \`media\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumb_sizes_thumb_filename_idx\` ON \`media\` (\`sizes_thumb_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_large_sizes_large_filename_idx\` ON \`media\` (\`sizes_large_filename\`);`)
  await db.run(sql`CREATE TABLE \`attachments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`title\` text NOT NULL,
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
  await db.run(sql`CREATE INDEX \`attachments_site_idx\` ON \`attachments\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`attachments_updated_at_idx\` ON \`attachments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`attachments_created_at_idx\` ON \`attachments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`attachments_filename_idx\` ON \`attachments\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`work_calendar\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`work_calendar_date_idx\` ON \`work_calendar\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`work_calendar_updated_at_idx\` ON \`work_calendar\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`work_calendar_created_at_idx\` ON \`work_calendar\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`public_tokens\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`owner\` text,
  	\`expires_at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`public_tokens_key_idx\` ON \`public_tokens\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`public_tokens_expires_at_idx\` ON \`public_tokens\` (\`expires_at\`);`)
  await db.run(sql`CREATE TABLE \`rate_limits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`points\` numeric DEFAULT 0 NOT NULL,
  	\`expire\` text
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`rate_limits_key_idx\` ON \`rate_limits\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_expire_idx\` ON \`rate_limits\` (\`expire\`);`)
  await db.run(sql`CREATE TABLE \`cache_purges\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tags\` text NOT NULL,
  	\`origin\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`cache_purges_updated_at_idx\` ON \`cache_purges\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cache_purges_created_at_idx\` ON \`cache_purges\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
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
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
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
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sites_domains\`;`)
  await db.run(sql`DROP TABLE \`sites_leaders\`;`)
  await db.run(sql`DROP TABLE \`sites\`;`)
  await db.run(sql`DROP TABLE \`users_platform_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sites_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sites\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`columns\`;`)
  await db.run(sql`DROP TABLE \`articles_history\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_history\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`attachments\`;`)
  await db.run(sql`DROP TABLE \`work_calendar\`;`)
  await db.run(sql`DROP TABLE \`numbering_series\`;`)
  await db.run(sql`DROP TABLE \`number_assignments\`;`)
  await db.run(sql`DROP TABLE \`numbering_counters\`;`)
  await db.run(sql`DROP TABLE \`audit_events\`;`)
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`DROP TABLE \`disclosure_topics\`;`)
  await db.run(sql`DROP TABLE \`disclosure_genres\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests_timeline\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests_appeals\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests\`;`)
  await db.run(sql`DROP TABLE \`disclosure_requests_rels\`;`)
  await db.run(sql`DROP TABLE \`request_files\`;`)
  await db.run(sql`DROP TABLE \`annual_reports\`;`)
  await db.run(sql`DROP TABLE \`public_tokens\`;`)
  await db.run(sql`DROP TABLE \`rate_limits\`;`)
  await db.run(sql`DROP TABLE \`cache_purges\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`publishing_checks\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
