CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"trigger" text NOT NULL,
	"trigger_entity_id" text NOT NULL,
	"beneficiary_id" uuid,
	"mobile" text NOT NULL,
	"service_id" uuid,
	"channel" text NOT NULL,
	"branch_id" uuid,
	"owner_user_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_on" date
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"label_ar" text NOT NULL,
	"label_en" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "survey_questions_kind_ck" CHECK ("survey_questions"."kind" in ('rating','yes_no','text'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"invitation_id" uuid,
	"anonymous" boolean NOT NULL,
	"trigger" text NOT NULL,
	"service_id" uuid,
	"channel" text NOT NULL,
	"branch_id" uuid,
	"month" text NOT NULL,
	"rating" integer NOT NULL,
	"answers" jsonb NOT NULL,
	CONSTRAINT "survey_responses_rating_ck" CHECK ("survey_responses"."rating" between 1 and 5),
	CONSTRAINT "survey_responses_anonymous_ck" CHECK (not "survey_responses"."anonymous" or "survey_responses"."invitation_id" is null)
);
--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_uq" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_trigger_uq" ON "survey_invitations" USING btree ("org_id","trigger","trigger_entity_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_org_sent_idx" ON "survey_invitations" USING btree ("org_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_org_key_uq" ON "survey_questions" USING btree ("org_id","key");--> statement-breakpoint
CREATE INDEX "survey_responses_org_month_idx" ON "survey_responses" USING btree ("org_id","month");