-- Every recipient row is updated twice as it is sent (pending → charged → sent), touching no indexed
-- column. Room left on each page lets Postgres make those HOT updates: no new index entries, far less
-- WAL and vacuum work on a million-row send.
ALTER TABLE "campaign_recipients" SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE "campaign_batches" SET (fillfactor = 50);
