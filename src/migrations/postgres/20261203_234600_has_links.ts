// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "has_links" boolean;
  ALTER TABLE "_articles_v" ADD COLUMN "version_has_links" boolean;
  CREATE INDEX "articles_has_links_idx" ON "articles" USING btree ("has_links");
  CREATE INDEX "_articles_v_version_version_has_links_idx" ON "_articles_v" USING btree ("version_has_links");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_has_links_idx";
  DROP INDEX "_articles_v_version_version_has_links_idx";
  ALTER TABLE "articles" DROP COLUMN "has_links";
  ALTER TABLE "_articles_v" DROP COLUMN "version_has_links";`)
}
