DROP INDEX "interactions_org_time_idx";--> statement-breakpoint
CREATE INDEX "applications_org_created_idx" ON "applications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "beneficiaries_org_status_area_idx" ON "beneficiaries" USING btree ("org_id","status","district","water_source");--> statement-breakpoint
CREATE INDEX "cases_org_created_idx" ON "cases" USING btree ("org_id","created_at","kind","channel");--> statement-breakpoint
CREATE INDEX "deliveries_org_completed_idx" ON "deliveries" USING btree ("org_id","completed_at","status");--> statement-breakpoint
CREATE INDEX "interactions_org_time_idx" ON "interactions" USING btree ("org_id","occurred_at","channel","direction");