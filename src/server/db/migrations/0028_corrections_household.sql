CREATE TABLE "record_corrections" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"application_id" uuid,
	"delivery_id" uuid,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" uuid NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_corrections_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "record_corrections_subject_ck" CHECK ("record_corrections"."subject" in ('delivery','registration')),
	CONSTRAINT "record_corrections_target_ck" CHECK (("record_corrections"."subject" = 'delivery' and "record_corrections"."delivery_id" is not null) or ("record_corrections"."subject" = 'registration' and "record_corrections"."application_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD COLUMN "household_confirmed_size" integer;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_application_id_applications_id_fk" FOREIGN KEY ("org_id","application_id") REFERENCES "public"."applications"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_delivery_id_deliveries_id_fk" FOREIGN KEY ("org_id","delivery_id") REFERENCES "public"."deliveries"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_corrected_by_users_id_fk" FOREIGN KEY ("org_id","corrected_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_corrections_application_idx" ON "record_corrections" USING btree ("org_id","application_id","corrected_at");--> statement-breakpoint
CREATE INDEX "record_corrections_delivery_idx" ON "record_corrections" USING btree ("org_id","delivery_id","corrected_at");