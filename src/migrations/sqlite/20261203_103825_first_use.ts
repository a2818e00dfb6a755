// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`platform_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT '政府网站集约化平台' NOT NULL,
  	\`short_name\` text,
  	\`emblem_id\` integer,
  	\`operator\` text,
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`emblem_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`platform_settings_emblem_idx\` ON \`platform_settings\` (\`emblem_id\`);`)
  await db.run(sql`ALTER TABLE \`sites_leaders\` ADD \`bio\` text;`)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`logo_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`sites_logo_idx\` ON \`sites\` (\`logo_id\`);`)
  await db.run(sql`ALTER TABLE \`articles_history\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v_version_history\` ADD \`by_name\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`platform_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_sites\` (
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
  	\`interaction_review_answers\` integer DEFAULT true,
  	\`interaction_follow_up_days\` numeric DEFAULT 5,
  	\`interaction_ranking_minimum\` numeric DEFAULT 10,
  	\`interaction_error_report_days\` numeric DEFAULT 3,
  	\`interaction_default_satisfied\` integer DEFAULT false,
  	\`successor_id\` integer,
  	\`closed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`successor_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_sites\`("id", "name", "slug", "kind", "theme", "status", "parent_id", "site_id_code", "org_name", "org_code", "icp", "psb_record", "sponsor", "operator", "address", "postcode", "phone", "office_hours", "publishing_review_step", "publishing_four_eyes", "disclosure_include_departments", "disclosure_office", "disclosure_address", "disclosure_postcode", "disclosure_hours", "disclosure_phone", "disclosure_fax", "disclosure_email", "disclosure_guide_notes", "interaction_review_answers", "interaction_follow_up_days", "interaction_ranking_minimum", "interaction_error_report_days", "interaction_default_satisfied", "successor_id", "closed_at", "updated_at", "created_at") SELECT "id", "name", "slug", "kind", "theme", "status", "parent_id", "site_id_code", "org_name", "org_code", "icp", "psb_record", "sponsor", "operator", "address", "postcode", "phone", "office_hours", "publishing_review_step", "publishing_four_eyes", "disclosure_include_departments", "disclosure_office", "disclosure_address", "disclosure_postcode", "disclosure_hours", "disclosure_phone", "disclosure_fax", "disclosure_email", "disclosure_guide_notes", "interaction_review_answers", "interaction_follow_up_days", "interaction_ranking_minimum", "interaction_error_report_days", "interaction_default_satisfied", "successor_id", "closed_at", "updated_at", "created_at" FROM \`sites\`;`)
  await db.run(sql`DROP TABLE \`sites\`;`)
  await db.run(sql`ALTER TABLE \`__new_sites\` RENAME TO \`sites\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_slug_idx\` ON \`sites\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sites_parent_idx\` ON \`sites\` (\`parent_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_site_id_code_idx\` ON \`sites\` (\`site_id_code\`);`)
  await db.run(sql`CREATE INDEX \`sites_successor_idx\` ON \`sites\` (\`successor_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_updated_at_idx\` ON \`sites\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sites_created_at_idx\` ON \`sites\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`sites_leaders\` DROP COLUMN \`bio\`;`)
  await db.run(sql`ALTER TABLE \`articles_history\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v_version_history\` DROP COLUMN \`by_name\`;`)
}
