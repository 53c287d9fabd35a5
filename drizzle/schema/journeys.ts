import { sql } from "drizzle-orm";
import { bigint, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { contacts } from "./audience";
import { workspaces } from "./workspaces";

export const journeyStatus = pgEnum("journey_status", ["draft", "live", "paused", "archived"]);

/**
 * A journey: the draft the editor saves (server/domain/journeys/journey-definition.ts) and a pointer
 * to the version contacts enter now. Publishing copies the draft into journey_versions.
 */
export const journeys = pgTable(
  "journeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    status: journeyStatus("status").notNull().default("draft"),
    draft: jsonb("draft").notNull(),
    /** Bumped on every save; saves carry the revision they started from so two editors never overwrite each other. */
    draftRevision: integer("draft_revision").notNull().default(1),
    liveVersionId: uuid("live_version_id"),
    /** The pre-built journey it was copied from, if any (welcome_series, abandoned_cart...). */
    templateKey: text("template_key"),
    /** HMAC-SHA256 key for webhook nodes' X-Herald-Signature; shown once to the marketer, rotatable. */
    webhookSecret: text("webhook_secret").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [index("journeys_workspace_updated_idx").on(t.workspaceId, t.updatedAt)],
);

/** Published definitions, immutable: contacts inside a journey hold the version they run on. */
export const journeyVersions = pgTable(
  "journey_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("journey_versions_journey_version_key").on(t.journeyId, t.version)],
);

/**
 * What starts live journeys, kept on publish so an event, a list join or a segment entry finds its
 * journeys by index instead of reading every definition. `key` is the event name, list id or segment id.
 */
export const journeyTriggers = pgTable(
  "journey_triggers",
  {
    workspaceId: uuid("workspace_id").notNull(),
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").notNull(),
    nodeId: text("node_id").notNull(),
    triggerType: text("trigger_type").notNull(),
    key: text("key"),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.nodeId] }), index("journey_triggers_lookup_idx").on(t.workspaceId, t.triggerType, t.key)],
);

export const journeyStateStatus = pgEnum("journey_state_status", ["active", "waiting", "completed", "exited", "failed"]);

/**
 * One contact's run through one journey version: where they are and when to look at them again. The
 * runtime claims due rows in batches (FOR UPDATE SKIP LOCKED on wake_at) instead of a job per contact
 * per step; waiting-for-event rows are found by (workspace, event, contact). Finished rows stay, for
 * re-entry rules and reports.
 */
export const journeyStates = pgTable(
  "journey_states",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    status: journeyStateStatus("status").notNull().default("active"),
    /** When the runtime should look at this row next; null while only an event can move it. */
    wakeAt: timestamp("wake_at", { withTimezone: true }),
    /** For wait_for_event: the event name awaited and the key value it must carry (e.g. the cart id). */
    waitEvent: text("wait_event"),
    waitKey: text("wait_key"),
    /** Steps taken so far: with node id, the idempotency key of a send (a retried step never sends twice). */
    stepNo: integer("step_no").notNull().default(0),
    /** The triggering event's properties (or API data): {{ event.* }} in messages, and wait keys. */
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    /** Why it ended: exit node, goal met, contact deleted, journey archived, error text. */
    exitReason: text("exit_reason"),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("journey_states_due_idx").on(t.wakeAt).where(sql`${t.finishedAt} is null`),
    index("journey_states_event_idx").on(t.workspaceId, t.waitEvent, t.contactId).where(sql`${t.waitEvent} is not null and ${t.finishedAt} is null`),
    // One run at a time per contact and journey; finished runs stay for the re-entry rule.
    uniqueIndex("journey_states_live_key").on(t.journeyId, t.contactId).where(sql`${t.finishedAt} is null`),
    index("journey_states_journey_contact_idx").on(t.journeyId, t.contactId, t.enteredAt),
    index("journey_states_node_idx").on(t.journeyId, t.nodeId).where(sql`${t.finishedAt} is null`),
    index("journey_states_contact_idx").on(t.contactId),
  ],
);

/** Every step a contact takes, for the contact's timeline; written in batches with the state changes. */
export const journeySteps = pgTable(
  "journey_steps",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    journeyId: uuid("journey_id").notNull(),
    stateId: bigint("state_id", { mode: "number" }).notNull(),
    contactId: uuid("contact_id").notNull(),
    nodeId: text("node_id").notNull(),
    nodeType: text("node_type").notNull(),
    /** entered, sent, skipped, waiting, matched, timed_out, branched, failed, exited... */
    outcome: text("outcome").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("journey_steps_contact_idx").on(t.workspaceId, t.contactId, t.occurredAt)],
);

/** Contacts who reached and who left each node (by node id, across versions); waiting is counted live from journey_states. */
export const journeyNodeStats = pgTable(
  "journey_node_stats",
  {
    journeyId: uuid("journey_id")
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    entered: integer("entered").notNull().default(0),
    left: integer("left_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.nodeId] })],
);

/**
 * Exactly-once for journey sends: one row per (state, node, step), written in the same transaction as
 * the credit charge; a retried step finds it and resumes from its state instead of sending again.
 */
export const journeySends = pgTable(
  "journey_sends",
  {
    stateId: bigint("state_id", { mode: "number" }).notNull(),
    nodeId: text("node_id").notNull(),
    stepNo: integer("step_no").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    messageId: uuid("message_id").notNull(),
    /** charged -> sent | failed (refunded) | skipped (suppressed, no consent, capped...). */
    state: text("state").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // By message: the view-in-browser page finds the run and step a journey email came from.
  (t) => [primaryKey({ columns: [t.stateId, t.nodeId, t.stepNo] }), index("journey_sends_message_idx").on(t.messageId)],
);

/**
 * A workspace's rules for marketing messages to one person, across journeys and campaigns: at most
 * maxPerDay / maxPerWeek, and none during quiet hours in the recipient's local time (they wait).
 */
export const messagingPolicies = pgTable("messaging_policies", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  maxPerDay: integer("max_per_day"),
  maxPerWeek: integer("max_per_week"),
  /** "HH:MM" local; quiet from start to end (may wrap past midnight). Both null: no quiet hours. */
  quietStart: text("quiet_start"),
  quietEnd: text("quiet_end"),
  /** Whether campaigns count and obey the cap too (journeys always do). */
  appliesToCampaigns: boolean("applies_to_campaigns").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Marketing messages per contact per (UTC) day, for the frequency cap: one small upsert per send. */
export const contactSendCounts = pgTable(
  "contact_send_counts",
  {
    contactId: uuid("contact_id").notNull(),
    day: date("day").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    sends: integer("sends").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.day] })],
);
