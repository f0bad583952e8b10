CREATE TABLE "staff_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"detail" text,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "staff_notifications_kind_ck" CHECK ("staff_notifications"."kind" in ('referral_answered','application_decided','case_assigned','case_escalated','delivery_assigned','document_received')),
	CONSTRAINT "staff_notifications_not_self_ck" CHECK ("staff_notifications"."actor_user_id" is null or "staff_notifications"."actor_user_id" <> "staff_notifications"."user_id")
);
--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_notifications_user_idx" ON "staff_notifications" USING btree ("org_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_org_mobile_idx" ON "survey_invitations" USING btree ("org_id","mobile","sent_at");