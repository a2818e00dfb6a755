// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`has_links\` integer;`)
  await db.run(sql`CREATE INDEX \`articles_has_links_idx\` ON \`articles\` (\`has_links\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_has_links\` integer;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_has_links_idx\` ON \`_articles_v\` (\`version_has_links\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_has_links_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`has_links\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_has_links_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_has_links\`;`)
}
