CREATE TYPE "public"."journey_state_status" AS ENUM('active', 'waiting', 'completed', 'exited', 'failed');--> statement-breakpoint
CREATE TYPE "public"."journey_status" AS ENUM('draft', 'live', 'paused', 'archived');--> statement-breakpoint
CREATE TABLE "campaign_variant_stats" (
	"campaign_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"variant" smallint NOT NULL,
	"kind" "message_event_kind" NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"unique_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_variant_stats_campaign_id_variant_kind_pk" PRIMARY KEY("campaign_id","variant","kind")
);
--> statement-breakpoint
CREATE TABLE "contact_send_counts" (
	"contact_id" uuid NOT NULL,
	"day" date NOT NULL,
	"workspace_id" uuid NOT NULL,
	"sends" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contact_send_counts_contact_id_day_pk" PRIMARY KEY("contact_id","day")
);
--> statement-breakpoint
CREATE TABLE "journey_node_stats" (
	"journey_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"entered" integer DEFAULT 0 NOT NULL,
	"left_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "journey_node_stats_journey_id_node_id_pk" PRIMARY KEY("journey_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "journey_sends" (
	"state_id" bigint NOT NULL,
	"node_id" text NOT NULL,
	"step_no" integer NOT NULL,
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_sends_state_id_node_id_step_no_pk" PRIMARY KEY("state_id","node_id","step_no")
);
--> statement-breakpoint
CREATE TABLE "journey_states" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journey_states_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"status" "journey_state_status" DEFAULT 'active' NOT NULL,
	"wake_at" timestamp with time zone,
	"wait_event" text,
	"wait_key" text,
	"step_no" integer DEFAULT 0 NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"exit_reason" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "journey_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journey_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"state_id" bigint NOT NULL,
	"contact_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"node_type" text NOT NULL,
	"outcome" text NOT NULL,
	"detail" jsonb,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_triggers" (
	"workspace_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"trigger_type" text NOT NULL,
	"key" text,
	CONSTRAINT "journey_triggers_journey_id_node_id_pk" PRIMARY KEY("journey_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" "journey_status" DEFAULT 'draft' NOT NULL,
	"draft" jsonb NOT NULL,
	"draft_revision" integer DEFAULT 1 NOT NULL,
	"live_version_id" uuid,
	"template_key" text,
	"webhook_secret" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messaging_policies" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"max_per_day" integer,
	"max_per_week" integer,
	"quiet_start" text,
	"quiet_end" text,
	"applies_to_campaigns" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_routes" ADD COLUMN "provider" jsonb;--> statement-breakpoint
ALTER TABLE "sms_routes" ADD COLUMN "throttle_per_second" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ab_winner" smallint;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ab_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "journey_node_stats" ADD CONSTRAINT "journey_node_stats_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_states" ADD CONSTRAINT "journey_states_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_states" ADD CONSTRAINT "journey_states_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_triggers" ADD CONSTRAINT "journey_triggers_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_policies" ADD CONSTRAINT "messaging_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_states_due_idx" ON "journey_states" USING btree ("wake_at") WHERE "journey_states"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "journey_states_event_idx" ON "journey_states" USING btree ("workspace_id","wait_event","contact_id") WHERE "journey_states"."wait_event" is not null and "journey_states"."finished_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "journey_states_live_key" ON "journey_states" USING btree ("journey_id","contact_id") WHERE "journey_states"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "journey_states_journey_contact_idx" ON "journey_states" USING btree ("journey_id","contact_id","entered_at");--> statement-breakpoint
CREATE INDEX "journey_states_node_idx" ON "journey_states" USING btree ("journey_id","node_id") WHERE "journey_states"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "journey_states_contact_idx" ON "journey_states" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "journey_steps_contact_idx" ON "journey_steps" USING btree ("workspace_id","contact_id","occurred_at");--> statement-breakpoint
CREATE INDEX "journey_triggers_lookup_idx" ON "journey_triggers" USING btree ("workspace_id","trigger_type","key");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_versions_journey_version_key" ON "journey_versions" USING btree ("journey_id","version");--> statement-breakpoint
CREATE INDEX "journeys_workspace_updated_idx" ON "journeys" USING btree ("workspace_id","updated_at");--> statement-breakpoint
-- Runs move from node to node by UPDATE; room on each page keeps those updates HOT (no index churn when only status/step change).
ALTER TABLE "journey_states" SET (fillfactor = 70);
