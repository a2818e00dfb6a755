// @ts-nocheck
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_shares_via" AS ENUM('push', 'subscription');
  CREATE TYPE "public"."enum_shares_status" AS ENUM('pending', 'accepted', 'declined');
  CREATE TABLE "columns_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"columns_id" integer
  );
  
  CREATE TABLE "shares" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"title" varchar NOT NULL,
  	"article_id" integer NOT NULL,
  	"origin_site_id" integer NOT NULL,
  	"site_id" integer NOT NULL,
  	"column_id" integer NOT NULL,
  	"via" "enum_shares_via" NOT NULL,
  	"source_column_id" integer,
  	"status" "enum_shares_status" DEFAULT 'pending' NOT NULL,
  	"decline_reason" varchar,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "columns" ADD COLUMN "share_review" boolean DEFAULT true;
  ALTER TABLE "articles_rels" ADD COLUMN "sites_id" integer;
  ALTER TABLE "_articles_v_rels" ADD COLUMN "sites_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "shares_id" integer;
  ALTER TABLE "columns_rels" ADD CONSTRAINT "columns_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."columns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "columns_rels" ADD CONSTRAINT "columns_rels_columns_fk" FOREIGN KEY ("columns_id") REFERENCES "public"."columns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_origin_site_id_sites_id_fk" FOREIGN KEY ("origin_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_column_id_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_source_column_id_columns_id_fk" FOREIGN KEY ("source_column_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "columns_rels_order_idx" ON "columns_rels" USING btree ("order");
  CREATE INDEX "columns_rels_parent_idx" ON "columns_rels" USING btree ("parent_id");
  CREATE INDEX "columns_rels_path_idx" ON "columns_rels" USING btree ("path");
  CREATE INDEX "columns_rels_columns_id_idx" ON "columns_rels" USING btree ("columns_id");
  CREATE UNIQUE INDEX "shares_key_idx" ON "shares" USING btree ("key");
  CREATE INDEX "shares_article_idx" ON "shares" USING btree ("article_id");
  CREATE INDEX "shares_origin_site_idx" ON "shares" USING btree ("origin_site_id");
  CREATE INDEX "shares_site_idx" ON "shares" USING btree ("site_id");
  CREATE INDEX "shares_column_idx" ON "shares" USING btree ("column_id");
  CREATE INDEX "shares_source_column_idx" ON "shares" USING btree ("source_column_id");
  CREATE INDEX "shares_status_idx" ON "shares" USING btree ("status");
  CREATE INDEX "shares_decided_by_idx" ON "shares" USING btree ("decided_by_id");
  CREATE INDEX "shares_updated_at_idx" ON "shares" USING btree ("updated_at");
  CREATE INDEX "shares_created_at_idx" ON "shares" USING btree ("created_at");
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_shares_fk" FOREIGN KEY ("shares_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_rels_sites_id_idx" ON "articles_rels" USING btree ("sites_id");
  CREATE INDEX "_articles_v_rels_sites_id_idx" ON "_articles_v_rels" USING btree ("sites_id");
  CREATE INDEX "payload_locked_documents_rels_shares_id_idx" ON "payload_locked_documents_rels" USING btree ("shares_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "columns_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "shares" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "columns_rels" CASCADE;
  DROP TABLE "shares" CASCADE;
  ALTER TABLE "articles_rels" DROP CONSTRAINT "articles_rels_sites_fk";
  
  ALTER TABLE "_articles_v_rels" DROP CONSTRAINT "_articles_v_rels_sites_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_shares_fk";
  
  DROP INDEX "articles_rels_sites_id_idx";
  DROP INDEX "_articles_v_rels_sites_id_idx";
  DROP INDEX "payload_locked_documents_rels_shares_id_idx";
  ALTER TABLE "columns" DROP COLUMN "share_review";
  ALTER TABLE "articles_rels" DROP COLUMN "sites_id";
  ALTER TABLE "_articles_v_rels" DROP COLUMN "sites_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "shares_id";
  DROP TYPE "public"."enum_shares_via";
  DROP TYPE "public"."enum_shares_status";`)
}
