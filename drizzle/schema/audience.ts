import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea } from "./column-types";
import { workspaces } from "./workspaces";


export const channel = pgEnum("channel", ["email", "sms"]);
export const consentStatus = pgEnum("consent_status", ["subscribed", "unsubscribed", "pending", "bounced", "complained"]);
export const attributeType = pgEnum("attribute_type", ["text", "number", "boolean", "date", "list"]);
export const listMemberStatus = pgEnum("list_member_status", ["subscribed", "unsubscribed", "bounced"]);

/**
 * A person a workspace can reach. Email and phone are each unique within a workspace (partial
 * indexes, so either may be missing but not both). Custom attributes live in JSONB, typed by the
 * workspace's attribute definitions; consent is kept per channel, with its history in consent_events.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email"),
    /** E.164, e.g. +85291234567. */
    phone: text("phone"),
    /** ISO 3166 alpha-2 country the number belongs to (HK, MO, TW, CN...), kept for routing and DNC. */
    phoneCountry: text("phone_country"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    /** IANA zone, e.g. Asia/Hong_Kong. */
    timezone: text("timezone"),
    locale: text("locale"),
    emailStatus: consentStatus("email_status"),
    emailStatusAt: timestamp("email_status_at", { withTimezone: true }),
    smsStatus: consentStatus("sms_status"),
    smsStatusAt: timestamp("sms_status_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contacts_workspace_email_key").on(t.workspaceId, t.email).where(sql`${t.email} is not null`),
    uniqueIndex("contacts_workspace_phone_key").on(t.workspaceId, t.phone).where(sql`${t.phone} is not null`),
    index("contacts_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // Name-prefix search (server/domain/contacts/contact-search.ts). text_pattern_ops serves
    // LIKE 'prefix%' under any database collation, not only the embedded cluster's C locale. Not
    // partial on purpose: the planner only uses expression statistics from non-partial indexes,
    // and without them it cannot tell a rare prefix from a common one.
    index("contacts_workspace_first_name_idx").on(t.workspaceId, sql`lower(${t.firstName}) text_pattern_ops`),
    index("contacts_workspace_last_name_idx").on(t.workspaceId, sql`lower(${t.lastName}) text_pattern_ops`),
    check("contacts_email_or_phone", sql`${t.email} is not null or ${t.phone} is not null`),
  ],
);

/** Every consent change, per channel: when, to what, and how (import, api, form, unsubscribe link, bounce...). */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    channel: channel("channel").notNull(),
    status: consentStatus("status").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_events_contact_idx").on(t.contactId, t.createdAt)],
);

/** The workspace's schema of custom attributes: names and types that imports, segments and merge tags use. */
export const attributeDefinitions = pgTable(
  "attribute_definitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: attributeType("type").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("attribute_definitions_workspace_key").on(t.workspaceId, t.key)],
);

export const lists = pgTable(
  "lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lists_workspace_name_key").on(t.workspaceId, t.name)],
);

/** Static list membership with its own subscription status (a contact may leave one list and stay on another). */
export const listMemberships = pgTable(
  "list_memberships",
  {
    listId: uuid("list_id")
      .notNull()
      .references(() => lists.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    status: listMemberStatus("status").notNull().default("subscribed"),
    subscribedAt: timestamp("subscribed_at", { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.contactId] }),
    index("list_memberships_contact_idx").on(t.contactId),
    index("list_memberships_list_status_idx").on(t.listId, t.status),
    // Members newest first (keyset by subscribed_at, contact_id) and the growth chart's date range.
    index("list_memberships_list_subscribed_idx").on(t.listId, t.subscribedAt, t.contactId),
  ],
);

/** Dynamic segments: a versioned rule document (see server/domain/segments/segment-rules.ts), evaluated when used. */
export const segments = pgTable(
  "segments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    definition: jsonb("definition").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("segments_workspace_idx").on(t.workspaceId)],
);

/**
 * Append-only behavioural events. The migration creates this table PARTITIONED BY RANGE (occurred_at),
 * one partition per month plus a default, so old months can be detached or dropped whole.
 * No foreign key to contacts: deleting a contact deletes its events explicitly.
 */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    name: text("name").notNull(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.occurredAt] }),
    index("events_contact_name_idx").on(t.workspaceId, t.contactId, t.name, t.occurredAt),
    // contact_id last so segment rules ("order_placed at least twice in 30 days") read the window
    // from the index alone (index-only scan) instead of visiting ~1 heap page per event.
    index("events_name_idx").on(t.workspaceId, t.name, t.occurredAt, t.contactId),
  ],
);

export const suppressionKind = pgEnum("suppression_kind", ["email", "domain", "phone"]);
export const suppressionReason = pgEnum("suppression_reason", ["unsubscribed", "hard_bounce", "complaint", "manual", "dnc"]);

/** Addresses, whole domains and numbers never to be sent marketing, whoever they belong to. */
export const suppressions = pgTable(
  "suppressions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: suppressionKind("kind").notNull(),
    /** Lower-case email, lower-case domain, or E.164 number. */
    value: text("value").notNull(),
    reason: suppressionReason("reason").notNull(),
    note: text("note"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("suppressions_workspace_kind_value_key").on(t.workspaceId, t.kind, t.value)],
);

/**
 * A Do-Not-Call register for one country (e.g. Hong Kong's Unsolicited Electronic Messages register).
 * Numbers are loaded as a new generation and switched to in one transaction, so a failed refresh
 * leaves the previous list in force.
 */
export const dncRegistries = pgTable(
  "dnc_registries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    country: text("country").notNull(),
    name: text("name").notNull(),
    sourceUrl: text("source_url"),
    refreshIntervalHours: integer("refresh_interval_hours"),
    activeGeneration: integer("active_generation").notNull().default(0),
    numberCount: integer("number_count").notNull().default(0),
    lastRefreshedAt: timestamp("last_refreshed_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dnc_registries_workspace_country_key").on(t.workspaceId, t.country)],
);

export const dncNumbers = pgTable(
  "dnc_numbers",
  {
    registryId: uuid("registry_id")
      .notNull()
      .references(() => dncRegistries.id, { onDelete: "cascade" }),
    generation: integer("generation").notNull(),
    phone: text("phone").notNull(),
  },
  (t) => [primaryKey({ columns: [t.registryId, t.generation, t.phone] })],
);

export const importStatus = pgEnum("import_status", ["uploading", "pending", "running", "completed", "failed", "cancelled"]);
export const importPolicy = pgEnum("import_policy", ["add_only", "update_existing", "overwrite"]);

/** A CSV import: the file (in import_chunks, so any worker machine can read it), its mapping and progress. */
export const contactImports = pgTable(
  "contact_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    listId: uuid("list_id").references(() => lists.id, { onDelete: "set null" }),
    filename: text("filename").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    status: importStatus("status").notNull().default("uploading"),
    encoding: text("encoding"),
    delimiter: text("delimiter"),
    columns: jsonb("columns").$type<string[]>(),
    mapping: jsonb("mapping").$type<Record<string, string>>(),
    policy: importPolicy("policy").notNull().default("update_existing"),
    totalRows: integer("total_rows"),
    processedRows: integer("processed_rows").notNull().default(0),
    insertedRows: integer("inserted_rows").notNull().default(0),
    updatedRows: integer("updated_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    rejectedRows: integer("rejected_rows").notNull().default(0),
    error: text("error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("contact_imports_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export const importChunks = pgTable(
  "import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => contactImports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

export const importRejections = pgTable(
  "import_rejections",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => contactImports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    reason: text("reason").notNull(),
    raw: text("raw"),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);
