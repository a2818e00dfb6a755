// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_home_stale_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_news_max_age_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_notice_policy_max_age_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_personnel_plan_max_age_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_stale_news_notice_limit\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_stale_columns_limit\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_empty_columns_limit\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_letter_months\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_probe_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_probes_per_day\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_probe_fail_share_percent\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_dead_link_share_percent\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_backdate_tolerance_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` ADD \`audit_warn_at_percent\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_home_stale_days\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_news_max_age_days\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_notice_policy_max_age_days\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_personnel_plan_max_age_days\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_stale_news_notice_limit\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_stale_columns_limit\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_empty_columns_limit\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_letter_months\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_probe_days\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_probes_per_day\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_probe_fail_share_percent\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_dead_link_share_percent\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_backdate_tolerance_days\`;`)
  await db.run(sql`ALTER TABLE \`platform_settings\` DROP COLUMN \`audit_warn_at_percent\`;`)
}
