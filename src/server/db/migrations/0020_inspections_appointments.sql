CREATE TABLE "home_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"note" text,
	"lat" double precision,
	"lng" double precision,
	"photo_document_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "home_inspections_outcome_ck" CHECK ("home_inspections"."outcome" is null or "home_inspections"."outcome" in ('suitable','unsuitable'))
);
--> statement-breakpoint
ALTER TABLE "staff_notifications" DROP CONSTRAINT "staff_notifications_kind_ck";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "appointment_date" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "appointment_from" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "appointment_to" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "window_from" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "window_to" text;--> statement-breakpoint
ALTER TABLE "home_inspections" ADD CONSTRAINT "home_inspections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_inspections" ADD CONSTRAINT "home_inspections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_inspections" ADD CONSTRAINT "home_inspections_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_inspections" ADD CONSTRAINT "home_inspections_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_inspections" ADD CONSTRAINT "home_inspections_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_inspections" ADD CONSTRAINT "home_inspections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "home_inspections_org_application_uq" ON "home_inspections" USING btree ("org_id","application_id");--> statement-breakpoint
CREATE INDEX "home_inspections_org_assignee_idx" ON "home_inspections" USING btree ("org_id","assignee_user_id","recorded_at","assigned_at");--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_kind_ck" CHECK ("staff_notifications"."kind" in ('referral_answered','application_decided','case_assigned','case_escalated','delivery_assigned','document_received','inspection_assigned'));