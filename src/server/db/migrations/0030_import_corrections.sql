CREATE TABLE "import_corrections" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"row_key" text NOT NULL,
	"national_id" text,
	"name" text,
	"values" jsonb NOT NULL,
	"issues" jsonb NOT NULL,
	"beneficiary_id" uuid,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_corrections_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "import_corrections" ADD CONSTRAINT "import_corrections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_corrections" ADD CONSTRAINT "import_corrections_import_id_registry_imports_id_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."registry_imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_corrections" ADD CONSTRAINT "import_corrections_branch_id_branches_id_fk" FOREIGN KEY ("org_id","branch_id") REFERENCES "public"."branches"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_corrections" ADD CONSTRAINT "import_corrections_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("org_id","beneficiary_id") REFERENCES "public"."beneficiaries"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_corrections" ADD CONSTRAINT "import_corrections_corrected_by_users_id_fk" FOREIGN KEY ("org_id","corrected_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_corrections_org_row_key_uq" ON "import_corrections" USING btree ("org_id","row_key");--> statement-breakpoint
CREATE INDEX "import_corrections_org_open_idx" ON "import_corrections" USING btree ("org_id","corrected_at","row");