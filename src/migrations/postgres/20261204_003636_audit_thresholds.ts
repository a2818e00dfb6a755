// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "platform_settings" ADD COLUMN "audit_home_stale_days" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_news_max_age_days" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_notice_policy_max_age_days" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_personnel_plan_max_age_days" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_stale_news_notice_limit" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_stale_columns_limit" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_empty_columns_limit" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_letter_months" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_probe_days" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_probes_per_day" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_probe_fail_share_percent" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_dead_link_share_percent" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_backdate_tolerance_days" numeric;
  ALTER TABLE "platform_settings" ADD COLUMN "audit_warn_at_percent" numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "platform_settings" DROP COLUMN "audit_home_stale_days";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_news_max_age_days";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_notice_policy_max_age_days";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_personnel_plan_max_age_days";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_stale_news_notice_limit";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_stale_columns_limit";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_empty_columns_limit";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_letter_months";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_probe_days";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_probes_per_day";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_probe_fail_share_percent";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_dead_link_share_percent";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_backdate_tolerance_days";
  ALTER TABLE "platform_settings" DROP COLUMN "audit_warn_at_percent";`)
}
