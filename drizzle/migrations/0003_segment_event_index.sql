DROP INDEX "events_name_idx";--> statement-breakpoint
CREATE INDEX "events_name_idx" ON "events" USING btree ("workspace_id","name","occurred_at","contact_id");