CREATE TABLE "beneficiary_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kept_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"pair_id" uuid,
	"before" jsonb NOT NULL,
	"moved" jsonb NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE TABLE "duplicate_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_pairs_order_ck" CHECK ("duplicate_pairs"."a_id" < "duplicate_pairs"."b_id"),
	CONSTRAINT "duplicate_pairs_status_ck" CHECK ("duplicate_pairs"."status" in ('open','later','merged','not_same'))
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"invalid_rows" integer DEFAULT 0 NOT NULL,
	"duplicate_rows" integer DEFAULT 0 NOT NULL,
	"created_rows" integer DEFAULT 0 NOT NULL,
	"updated_rows" integer DEFAULT 0 NOT NULL,
	"next_row" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "registry_imports_status_ck" CHECK ("registry_imports"."status" in ('uploaded','previewed','running','done')),
	CONSTRAINT "registry_imports_format_ck" CHECK ("registry_imports"."format" in ('xlsx','csv'))
);
--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "beneficiary_merges" ADD CONSTRAINT "beneficiary_merges_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_merges" ADD CONSTRAINT "beneficiary_merges_kept_id_beneficiaries_id_fk" FOREIGN KEY ("kept_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_merges" ADD CONSTRAINT "beneficiary_merges_merged_id_beneficiaries_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_merges" ADD CONSTRAINT "beneficiary_merges_pair_id_duplicate_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."duplicate_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_merges" ADD CONSTRAINT "beneficiary_merges_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_merges" ADD CONSTRAINT "beneficiary_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_a_id_beneficiaries_id_fk" FOREIGN KEY ("a_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_b_id_beneficiaries_id_fk" FOREIGN KEY ("b_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beneficiary_merges_kept_idx" ON "beneficiary_merges" USING btree ("org_id","kept_id");--> statement-breakpoint
CREATE INDEX "beneficiary_merges_merged_idx" ON "beneficiary_merges" USING btree ("org_id","merged_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_pairs_org_pair_uq" ON "duplicate_pairs" USING btree ("org_id","a_id","b_id");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_org_status_idx" ON "duplicate_pairs" USING btree ("org_id","status","score");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_org_name_uq" ON "import_mappings" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "registry_imports_org_created_idx" ON "registry_imports" USING btree ("org_id","created_at");--> statement-breakpoint
-- Normalisation now joins "ابو" with the word after it (common/arabic.ts); bring stored search columns in line.
UPDATE "beneficiaries" SET "name_norm" = regexp_replace("name_norm", '(^| )ابو (?=\S)', '\1ابو', 'g') WHERE "name_norm" LIKE '%ابو %';--> statement-breakpoint
UPDATE "beneficiaries" SET "district_norm" = regexp_replace("district_norm", '(^| )ابو (?=\S)', '\1ابو', 'g') WHERE "district_norm" LIKE '%ابو %';--> statement-breakpoint
UPDATE "knowledge_versions" SET "search_norm" = regexp_replace("search_norm", '(^| )ابو (?=\S)', '\1ابو', 'g') WHERE "search_norm" LIKE '%ابو %';
