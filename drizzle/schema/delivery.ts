import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  check,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { channel, contacts } from "./audience";
import { emailTemplates, sendingIdentities, smsTemplates } from "./content";
import { workspaces } from "./workspaces";

export const campaignStatus = pgEnum("campaign_status", ["draft", "scheduled", "sending", "paused", "cancelled", "sent", "failed"]);

/** Who a campaign goes to: lists and segments, minus lists and segments. */
export type CampaignAudience = { listIds: string[]; segmentIds: string[]; excludeListIds: string[]; excludeSegmentIds: string[] };

/** An A/B test's definition (campaigns.ab_test): a subject variant carries `subject`, a content variant `emailTemplateId`. */
export type CampaignAbTest = {
  field: "subject" | "content";
  variants: { subject?: string; emailTemplateId?: string }[];
  samplePercent: number;
  winnerBy: "opens" | "clicks";
  decideAfterMinutes: number;
};

/**
 * A send to an audience by email, SMS or both. Launching freezes the audience into
 * campaign_recipients and the content into `snapshot`, so edits to templates or lists afterwards
 * never change a campaign in flight.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: campaignStatus("status").notNull().default("draft"),
    channels: channel("channels").array().notNull(),
    emailTemplateId: uuid("email_template_id").references(() => emailTemplates.id, { onDelete: "set null" }),
    smsTemplateId: uuid("sms_template_id").references(() => smsTemplates.id, { onDelete: "set null" }),
    sendingIdentityId: uuid("sending_identity_id").references(() => sendingIdentities.id, { onDelete: "set null" }),
    audience: jsonb("audience").$type<CampaignAudience>().notNull(),
    /** When to start; null sends at launch. */
    sendAt: timestamp("send_at", { withTimezone: true }),
    /** "HH:MM": deliver at this local time in each recipient's timezone (on or after send_at's date). */
    localSendTime: text("local_send_time"),
    throttlePerSecond: integer("throttle_per_second"),
    throttlePerHour: integer("throttle_per_hour"),
    /** { field: "subject"|"content", variants: [...], samplePercent, winnerBy: "opens"|"clicks", decideAfterMinutes }. */
    abTest: jsonb("ab_test").$type<CampaignAbTest>(),
    /** The A/B variant chosen for the rest of the audience (1-based), and when. */
    abWinner: smallint("ab_winner"),
    abDecidedAt: timestamp("ab_decided_at", { withTimezone: true }),
    /** Why it paused or failed, in words for the marketer (e.g. "Out of credits: 1,204 messages left to send"). */
    statusReason: text("status_reason"),
    /** The content as launched: compiled sources, template revisions, sender. */
    snapshot: jsonb("snapshot"),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_workspace_created_idx").on(t.workspaceId, t.createdAt), index("campaigns_status_idx").on(t.status)],
);

export const recipientState = pgEnum("recipient_state", ["pending", "skipped", "charged", "sent", "failed"]);

/**
 * One row per (campaign, channel, contact): the audience as launched and each message's fate.
 * The state machine is the idempotency record: `charged` is written in the same transaction as the
 * credit debit, `sent` once the upstream accepted. A retried batch resends only what is `charged`
 * (with the same Message-ID) and never charges twice.
 */
export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    channel: channel("channel").notNull(),
    contactId: uuid("contact_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    batchNo: integer("batch_no").notNull(),
    /** The address or number as launched. */
    address: text("address").notNull(),
    /** For local-time sends: not before this moment. */
    sendAfter: timestamp("send_after", { withTimezone: true }),
    variant: smallint("variant").notNull().default(0),
    state: recipientState("state").notNull().default("pending"),
    reason: text("reason"),
    messageId: uuid("message_id"),
    cost: numeric("cost", { precision: 12, scale: 4, mode: "number" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.channel, t.contactId] }), index("campaign_recipients_batch_idx").on(t.campaignId, t.batchNo)],
);

export const batchState = pgEnum("batch_state", ["pending", "running", "done"]);

/** A few hundred recipients sent as one graphile-worker job; its counters feed the live stages. */
export const campaignBatches = pgTable(
  "campaign_batches",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    batchNo: integer("batch_no").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    channel: channel("channel").notNull(),
    recipients: integer("recipients").notNull(),
    state: batchState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nodeId: uuid("node_id"),
    skipped: integer("skipped").notNull().default(0),
    charged: integer("charged").notNull().default(0),
    sent: integer("sent").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.batchNo] })],
);

export const creditEntryKind = pgEnum("credit_entry_kind", ["top_up", "debit", "refund", "adjustment"]);

/** Every credit movement, append-only; credit_balances holds the running total it adds up to. */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: creditEntryKind("kind").notNull(),
    /** Positive adds credit (top-ups, refunds), negative spends it. */
    amount: numeric("amount", { precision: 14, scale: 4, mode: "number" }).notNull(),
    channel: channel("channel"),
    campaignId: uuid("campaign_id"),
    messages: integer("messages"),
    note: text("note"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("credit_ledger_workspace_created_idx").on(t.workspaceId, t.createdAt), index("credit_ledger_campaign_idx").on(t.campaignId)],
);

/** The balance, kept in step with the ledger in the same transaction; the check refuses sending on credit. */
export const creditBalances = pgTable(
  "credit_balances",
  {
    workspaceId: uuid("workspace_id")
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    balance: numeric("balance", { precision: 14, scale: 4, mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("credit_balances_not_negative", sql`${t.balance} >= 0`)],
);

export const messageKind = pgEnum("message_kind", ["campaign", "transactional", "test", "journey"]);

/**
 * The message log: one row per message handed to a transport, append-only and partitioned by month
 * (hand-written in the migration), with as few indexes as reports need, since a million-recipient send
 * writes a million rows here. What happened later is in message_events.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    kind: messageKind("kind").notNull(),
    campaignId: uuid("campaign_id"),
    contactId: uuid("contact_id"),
    channel: channel("channel").notNull(),
    address: text("address").notNull(),
    /** The Message-ID header (email) or provider id (SMS). */
    externalId: text("external_id"),
    variant: smallint("variant"),
    cost: numeric("cost", { precision: 12, scale: 4, mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdAt] }),
    index("messages_campaign_idx").on(t.campaignId, t.createdAt),
    // SMS delivery receipts name the provider's id; partial, so email sends pay nothing for it.
    index("messages_sms_external_idx").on(t.externalId).where(sql`${t.channel} = 'sms'`),
  ],
);

export const messageEventKind = pgEnum("message_event_kind", [
  "sent",
  "delivered",
  "deferred",
  "bounced",
  "failed",
  "opened",
  "clicked",
  "unsubscribed",
  "complained",
]);

/** What happened to messages, written in batches; partitioned by month like messages. */
export const messageEvents = pgTable(
  "message_events",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    messageId: uuid("message_id").notNull(),
    campaignId: uuid("campaign_id"),
    contactId: uuid("contact_id"),
    kind: messageEventKind("kind").notNull(),
    /** Link index for clicks, bounce class and diagnostic, recipient domain... */
    data: jsonb("data").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.occurredAt] }), index("message_events_message_idx").on(t.messageId)],
);

/**
 * Per-campaign counters by hour, kept up to date as events are written (upserts in the same batch),
 * so a report reads a few hundred rows instead of counting the message log.
 */
export const campaignStatsHourly = pgTable(
  "campaign_stats_hourly",
  {
    campaignId: uuid("campaign_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    kind: messageEventKind("kind").notNull(),
    total: integer("total").notNull().default(0),
    /** Counted once per message (first open, first click). */
    unique: integer("unique_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.hour, t.kind] })],
);

/** Clicks per link and results per recipient domain, for the report's tables. */
export const campaignLinkStats = pgTable(
  "campaign_link_stats",
  {
    campaignId: uuid("campaign_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    /** The clicked message's A/B variant (0: no test, or the rest of a tested audience): a content test's variants have links of their own. */
    variant: smallint("variant").notNull().default(0),
    linkIndex: integer("link_index").notNull(),
    url: text("url").notNull(),
    clicks: integer("clicks").notNull().default(0),
    uniqueClicks: integer("unique_clicks").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.variant, t.linkIndex] })],
);

export const campaignDomainStats = pgTable(
  "campaign_domain_stats",
  {
    campaignId: uuid("campaign_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    domain: text("domain").notNull(),
    kind: messageEventKind("kind").notNull(),
    total: integer("total").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.domain, t.kind] })],
);

/** Per-variant counters for A/B tests, kept like campaign_stats_hourly (variant 0 is the rest of the audience). */
export const campaignVariantStats = pgTable(
  "campaign_variant_stats",
  {
    campaignId: uuid("campaign_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    variant: smallint("variant").notNull(),
    kind: messageEventKind("kind").notNull(),
    total: integer("total").notNull().default(0),
    unique: integer("unique_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.variant, t.kind] })],
);

/** A workspace's domain to send from, with the DKIM key Herald generated and when DNS last checked out. */
export const sendingDomains = pgTable(
  "sending_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    dkimSelector: text("dkim_selector").notNull(),
    /** PKCS#8 PEM. A secret: never returned by the API. */
    dkimPrivateKey: text("dkim_private_key").notNull(),
    dkimPublicKey: text("dkim_public_key").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    lastCheckResult: jsonb("last_check_result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sending_domains_workspace_domain_key").on(t.workspaceId, t.domain)],
);

export const nodeStatus = pgEnum("node_status", ["active", "draining", "stopped", "down"]);

/** Every worker process, registered by itself; an admin disables one by setting disabled_at. */
export const sendingNodes = pgTable("sending_nodes", {
  id: uuid("id").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  version: text("version").notNull(),
  status: nodeStatus("status").notNull().default("active"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  stoppedAt: timestamp("stopped_at", { withTimezone: true }),
  messagesLastMinute: integer("messages_last_minute").notNull().default(0),
  messagesTotal: bigint("messages_total", { mode: "number" }).notNull().default(0),
});

/**
 * Fixed one-second windows of sends per limiter key (a transport, a workspace, a campaign's throttle),
 * shared by every worker process; old windows are deleted by the worker's cron.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Transactional sends by idempotency key: the same key within a day returns the first message, never a second. */
export const transactionalRequests = pgTable(
  "transactional_requests",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    messageId: uuid("message_id").notNull(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.idempotencyKey] })],
);
