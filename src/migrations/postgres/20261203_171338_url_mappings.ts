// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_url_mappings_match" AS ENUM('exact', 'prefix');
  CREATE TYPE "public"."enum_url_mappings_status" AS ENUM('301', '410');
  CREATE TYPE "public"."enum_url_mappings_kind" AS ENUM('home', 'column', 'article', 'short-link', 'feed', 'section', 'files');
  CREATE TABLE "url_mappings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"from_path" varchar NOT NULL,
  	"match" "enum_url_mappings_match" DEFAULT 'exact' NOT NULL,
  	"keep_rest" boolean DEFAULT false,
  	"status" "enum_url_mappings_status" DEFAULT '301' NOT NULL,
  	"to_site_id" integer NOT NULL,
  	"to_path" varchar NOT NULL,
  	"kind" "enum_url_mappings_kind",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "url_mappings_id" integer;
  ALTER TABLE "url_mappings" ADD CONSTRAINT "url_mappings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "url_mappings" ADD CONSTRAINT "url_mappings_to_site_id_sites_id_fk" FOREIGN KEY ("to_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "url_mappings_site_idx" ON "url_mappings" USING btree ("site_id");
  CREATE INDEX "url_mappings_from_path_idx" ON "url_mappings" USING btree ("from_path");
  CREATE INDEX "url_mappings_to_site_idx" ON "url_mappings" USING btree ("to_site_id");
  CREATE INDEX "url_mappings_updated_at_idx" ON "url_mappings" USING btree ("updated_at");
  CREATE INDEX "url_mappings_created_at_idx" ON "url_mappings" USING btree ("created_at");
  CREATE UNIQUE INDEX "site_fromPath_idx" ON "url_mappings" USING btree ("site_id","from_path");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_url_mappings_fk" FOREIGN KEY ("url_mappings_id") REFERENCES "public"."url_mappings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_url_mappings_id_idx" ON "payload_locked_documents_rels" USING btree ("url_mappings_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "url_mappings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "url_mappings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_url_mappings_fk";
  
  DROP INDEX "payload_locked_documents_rels_url_mappings_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "url_mappings_id";
  DROP TYPE "public"."enum_url_mappings_match";
  DROP TYPE "public"."enum_url_mappings_status";
  DROP TYPE "public"."enum_url_mappings_kind";`)
}
