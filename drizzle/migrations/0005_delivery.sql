CREATE TYPE "public"."batch_state" AS ENUM('pending', 'running', 'done');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."credit_entry_kind" AS ENUM('top_up', 'debit', 'refund', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."message_event_kind" AS ENUM('sent', 'delivered', 'deferred', 'bounced', 'failed', 'opened', 'clicked', 'unsubscribed', 'complained');--> statement-breakpoint
CREATE TYPE "public"."message_kind" AS ENUM('campaign', 'transactional', 'test', 'journey');--> statement-breakpoint
CREATE TYPE "public"."node_status" AS ENUM('active', 'draining', 'stopped', 'down');--> statement-breakpoint
CREATE TYPE "public"."recipient_state" AS ENUM('pending', 'skipped', 'charged', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "campaign_batches" (
	"campaign_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"recipients" integer NOT NULL,
	"state" "batch_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"node_id" uuid,
	"skipped" integer DEFAULT 0 NOT NULL,
	"charged" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "campaign_batches_campaign_id_batch_no_pk" PRIMARY KEY("campaign_id","batch_no")
);
--> statement-breakpoint
CREATE TABLE "campaign_domain_stats" (
	"campaign_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"kind" "message_event_kind" NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_domain_stats_campaign_id_domain_kind_pk" PRIMARY KEY("campaign_id","domain","kind")
);
--> statement-breakpoint
CREATE TABLE "campaign_link_stats" (
	"campaign_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"link_index" integer NOT NULL,
	"url" text NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_link_stats_campaign_id_link_index_pk" PRIMARY KEY("campaign_id","link_index")
);
--> statement-breakpoint
CREATE TABLE "campaign_recipients" (
	"campaign_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"contact_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"address" text NOT NULL,
	"send_after" timestamp with time zone,
	"variant" smallint DEFAULT 0 NOT NULL,
	"state" "recipient_state" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"message_id" uuid,
	"cost" numeric(12, 4),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_recipients_campaign_id_channel_contact_id_pk" PRIMARY KEY("campaign_id","channel","contact_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_stats_hourly" (
	"campaign_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"kind" "message_event_kind" NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"unique_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_stats_hourly_campaign_id_hour_kind_pk" PRIMARY KEY("campaign_id","hour","kind")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"channels" "channel"[] NOT NULL,
	"email_template_id" uuid,
	"sms_template_id" uuid,
	"sending_identity_id" uuid,
	"audience" jsonb NOT NULL,
	"send_at" timestamp with time zone,
	"local_send_time" text,
	"throttle_per_second" integer,
	"throttle_per_hour" integer,
	"ab_test" jsonb,
	"status_reason" text,
	"snapshot" jsonb,
	"launched_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_balances" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"balance" numeric(14, 4) DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_balances_not_negative" CHECK ("credit_balances"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"kind" "credit_entry_kind" NOT NULL,
	"amount" numeric(14, 4) NOT NULL,
	"channel" "channel",
	"campaign_id" uuid,
	"messages" integer,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_events" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "message_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"campaign_id" uuid,
	"contact_id" uuid,
	"kind" "message_event_kind" NOT NULL,
	"data" jsonb,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_events_id_occurred_at_pk" PRIMARY KEY("id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" "message_kind" NOT NULL,
	"campaign_id" uuid,
	"contact_id" uuid,
	"channel" "channel" NOT NULL,
	"address" text NOT NULL,
	"external_id" text,
	"variant" smallint,
	"cost" numeric(12, 4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_id_created_at_pk" PRIMARY KEY("id","created_at")
) PARTITION BY RANGE ("created_at");
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_windows_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "sending_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"dkim_selector" text NOT NULL,
	"dkim_private_key" text NOT NULL,
	"dkim_public_key" text NOT NULL,
	"verified_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"last_check_result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sending_nodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"version" text NOT NULL,
	"status" "node_status" DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"messages_last_minute" integer DEFAULT 0 NOT NULL,
	"messages_total" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactional_requests" (
	"workspace_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"message_id" uuid NOT NULL,
	"contact_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactional_requests_workspace_id_idempotency_key_pk" PRIMARY KEY("workspace_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "campaign_batches" ADD CONSTRAINT "campaign_batches_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_email_template_id_email_templates_id_fk" FOREIGN KEY ("email_template_id") REFERENCES "public"."email_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_sms_template_id_sms_templates_id_fk" FOREIGN KEY ("sms_template_id") REFERENCES "public"."sms_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_sending_identity_id_sending_identities_id_fk" FOREIGN KEY ("sending_identity_id") REFERENCES "public"."sending_identities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_balances" ADD CONSTRAINT "credit_balances_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_domains" ADD CONSTRAINT "sending_domains_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactional_requests" ADD CONSTRAINT "transactional_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactional_requests" ADD CONSTRAINT "transactional_requests_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_recipients_batch_idx" ON "campaign_recipients" USING btree ("campaign_id","batch_no");--> statement-breakpoint
CREATE INDEX "campaigns_workspace_created_idx" ON "campaigns" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status");--> statement-breakpoint
CREATE INDEX "credit_ledger_workspace_created_idx" ON "credit_ledger" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_ledger_campaign_idx" ON "credit_ledger" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "message_events_message_idx" ON "message_events" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "messages_campaign_idx" ON "messages" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sending_domains_workspace_domain_key" ON "sending_domains" USING btree ("workspace_id","domain");--> statement-breakpoint
-- Hand-written: the message log and its events are partitioned by month, like events (Drizzle cannot
-- declare partitions). Old months can be detached and dropped whole instead of deleted row by row.
CREATE TABLE "messages_default" PARTITION OF "messages" DEFAULT;
--> statement-breakpoint
CREATE TABLE "message_events_default" PARTITION OF "message_events" DEFAULT;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION herald_ensure_message_partitions(first_month date, month_count int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  created int := 0;
  month_start date;
  parent text;
  partition_name text;
BEGIN
  FOREACH parent IN ARRAY ARRAY['messages', 'message_events'] LOOP
    FOR i IN 0 .. month_count - 1 LOOP
      month_start := (date_trunc('month', first_month) + make_interval(months => i))::date;
      partition_name := format('%s_y%sm%s', parent, to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
      IF to_regclass(partition_name) IS NULL THEN
        EXECUTE format(
          'CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
          partition_name, parent, month_start, (month_start + interval '1 month')::date
        );
        created := created + 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN created;
END $$;
--> statement-breakpoint
SELECT herald_ensure_message_partitions(date_trunc('month', now())::date, 3);
--> statement-breakpoint
-- Hand-written: takes up to p_wanted sends from the current window of p_key (fixed windows of
-- p_window), never past p_limit, atomically across every worker process. Returns how many were
-- granted and when the window ends, so a caller out of room knows how long to wait.
CREATE OR REPLACE FUNCTION herald_take_rate(p_key text, p_limit int, p_wanted int, p_window interval)
RETURNS TABLE (granted int, window_end timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  w timestamptz := date_bin(p_window, clock_timestamp(), timestamptz '2000-01-01 00:00:00+00');
  used int;
BEGIN
  INSERT INTO rate_limit_windows (key, window_start, count) VALUES (p_key, w, 0) ON CONFLICT DO NOTHING;
  SELECT r.count INTO used FROM rate_limit_windows r WHERE r.key = p_key AND r.window_start = w FOR UPDATE;
  granted := greatest(0, least(p_wanted, p_limit - used));
  IF granted > 0 THEN
    UPDATE rate_limit_windows r SET count = r.count + granted WHERE r.key = p_key AND r.window_start = w;
  END IF;
  window_end := w + p_window;
  RETURN NEXT;
END $$;
