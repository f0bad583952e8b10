ALTER TABLE "field_reports" DROP CONSTRAINT "field_reports_status_ck";--> statement-breakpoint
ALTER TABLE "field_reports" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "field_reports" ADD CONSTRAINT "field_reports_status_ck" CHECK ("field_reports"."status" in ('open','completed','rejected'));