DROP INDEX "applications_org_changed_idx";--> statement-breakpoint
CREATE INDEX "applications_org_changed_idx" ON "applications" USING btree ("org_id","stage_changed_at","id");