CREATE TABLE "message_contacts" (
	"org_id" uuid NOT NULL,
	"address" text NOT NULL,
	"opted_out" boolean DEFAULT false NOT NULL,
	"opted_out_at" timestamp with time zone,
	"opted_out_via" text,
	"promo_opt_in" boolean DEFAULT false NOT NULL,
	"promo_opt_in_at" timestamp with time zone,
	"preferred_channel" text,
	"language" text,
	"last_whatsapp_inbound_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_contacts_org_id_address_pk" PRIMARY KEY("org_id","address"),
	CONSTRAINT "message_contacts_channel_ck" CHECK ("message_contacts"."preferred_channel" is null or "message_contacts"."preferred_channel" in ('sms','whatsapp')),
	CONSTRAINT "message_contacts_language_ck" CHECK ("message_contacts"."language" is null or "message_contacts"."language" in ('ar','en'))
);
--> statement-breakpoint
CREATE TABLE "messaging_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"raw" text NOT NULL,
	"payload" jsonb,
	"status" text DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "webhook_events_status_ck" CHECK ("webhook_events"."status" in ('received','processed','failed','rejected','given_up'))
);
--> statement-breakpoint
CREATE TABLE "message_template_versions" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"channel" text NOT NULL,
	"version" integer NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"whatsapp" jsonb,
	"saved_by" uuid,
	"saved_by_name" text,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_template_versions_org_id_key_channel_version_pk" PRIMARY KEY("org_id","key","channel","version")
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_status_ck";--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "whatsapp" jsonb;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "category" text DEFAULT 'service' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "awaited" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "sent_as" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "sender_id" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery_error" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "fallback_of" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "fallback_reason" text;--> statement-breakpoint
ALTER TABLE "message_contacts" ADD CONSTRAINT "message_contacts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_settings" ADD CONSTRAINT "messaging_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_template_versions" ADD CONSTRAINT "message_template_versions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_events_due_idx" ON "webhook_events" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_events_org_received_idx" ON "webhook_events" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE INDEX "notifications_provider_msg_idx" ON "notifications" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("org_id","recipient","created_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_status_ck" CHECK ("notifications"."status" in ('queued','sending','sent','failed','given_up','unknown','blocked','rerouted'));