// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "platform_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar DEFAULT '政府网站集约化平台' NOT NULL,
  	"short_name" varchar,
  	"emblem_id" integer,
  	"operator" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "sites_leaders" ADD COLUMN "bio" varchar;
  ALTER TABLE "sites" ADD COLUMN "logo_id" integer;
  ALTER TABLE "articles_history" ADD COLUMN "by_name" varchar;
  ALTER TABLE "_articles_v_version_history" ADD COLUMN "by_name" varchar;
  ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_emblem_id_media_id_fk" FOREIGN KEY ("emblem_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "platform_settings_emblem_idx" ON "platform_settings" USING btree ("emblem_id");
  ALTER TABLE "sites" ADD CONSTRAINT "sites_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sites_logo_idx" ON "sites" USING btree ("logo_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "platform_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "platform_settings" CASCADE;
  ALTER TABLE "sites" DROP CONSTRAINT "sites_logo_id_media_id_fk";
  
  DROP INDEX "sites_logo_idx";
  ALTER TABLE "sites_leaders" DROP COLUMN "bio";
  ALTER TABLE "sites" DROP COLUMN "logo_id";
  ALTER TABLE "articles_history" DROP COLUMN "by_name";
  ALTER TABLE "_articles_v_version_history" DROP COLUMN "by_name";`)
}
