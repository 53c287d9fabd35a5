ALTER TABLE "campaign_link_stats" ADD COLUMN "variant" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_link_stats" DROP CONSTRAINT "campaign_link_stats_campaign_id_link_index_pk";--> statement-breakpoint
ALTER TABLE "campaign_link_stats" ADD CONSTRAINT "campaign_link_stats_campaign_id_variant_link_index_pk" PRIMARY KEY("campaign_id","variant","link_index");
