import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
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

/**
 * Who a workspace's mail comes from. The delivery engine adds domain verification and DKIM keys
 * (sending_domains); a template points at one identity so a change of address reaches every template.
 */
export const sendingIdentities = pgTable(
  "sending_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    fromName: text("from_name").notNull(),
    fromEmail: text("from_email").notNull(),
    replyTo: text("reply_to"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sending_identities_workspace_email_key").on(t.workspaceId, t.fromEmail)],
);

export const filePurpose = pgEnum("file_purpose", ["attachment", "image"]);

/**
 * Uploaded attachments and builder images. Bytes live in Postgres by default (so every web and worker
 * process can read them with no shared disk), or under HERALD_FILES_DIR when an operator prefers disk.
 * Images are served publicly by their unguessable id, since mail clients fetch them without a session.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    purpose: filePurpose("purpose").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    /** Null when the bytes are on disk at storage_path. */
    data: bytea("data"),
    storagePath: text("storage_path"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_files_workspace_purpose_idx").on(t.workspaceId, t.purpose, t.createdAt)],
);

export const templateEditor = pgEnum("template_editor", ["visual", "code", "rich_text"]);
export const templateSourceFormat = pgEnum("template_source_format", ["mjml", "html"]);

/**
 * An email design. `source` is what the marketer wrote (MJML from the visual builder or the code
 * editor, HTML from the rich-text editor or code); rendering compiles it once per send
 * (server/domain/content/render). `revision` increments on every save so a campaign can tell
 * which version it snapshotted and so concurrent editors do not overwrite each other unknowingly.
 */
export const emailTemplates = pgTable(
  "email_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    subject: text("subject").notNull().default(""),
    preheader: text("preheader").notNull().default(""),
    sendingIdentityId: uuid("sending_identity_id").references(() => sendingIdentities.id, { onDelete: "set null" }),
    /** Overrides the identity's reply-to for this template. */
    replyTo: text("reply_to"),
    editor: templateEditor("editor").notNull(),
    sourceFormat: templateSourceFormat("source_format").notNull(),
    source: text("source").notNull().default(""),
    /** The visual builder's own project (components and styles), so a design reopens exactly as left. */
    builderData: jsonb("builder_data"),
    /** The plain-text part. Generated from the HTML unless the marketer edited it (text_custom). */
    textBody: text("text_body").notNull().default(""),
    textCustom: boolean("text_custom").notNull().default(false),
    /** The starter design this was copied from, if any. */
    starterKey: text("starter_key"),
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [index("email_templates_workspace_updated_idx").on(t.workspaceId, t.updatedAt)],
);

export const templateAttachments = pgTable(
  "template_attachments",
  {
    templateId: uuid("template_id")
      .notNull()
      .references(() => emailTemplates.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.fileId] })],
);

/** What a route can carry: any Unicode (UCS-2), GSM-7 with its extension table, or GSM-7 basic only. */
export const smsCharset = pgEnum("sms_charset", ["ucs2", "gsm7", "gsm7_basic"]);

/**
 * A way out for SMS with its price, per market (HK, MO, TW, CN or INTL for the rest). The SMS gateway
 * adds providers and throttles; content needs the price per segment and the character set.
 */
export const smsRoutes = pgTable(
  "sms_routes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    markets: text("markets").array().notNull(),
    /** Credits per segment. */
    pricePerSegment: numeric("price_per_segment", { precision: 12, scale: 4, mode: "number" }).notNull(),
    charset: smsCharset("charset").notNull().default("ucs2"),
    /**
     * How messages leave: { kind: "smpp", host, port, systemId, password, systemType?, sourceAddr, tls? }
     * or { kind: "http", url, headers?, sourceAddr }. Null: the route cannot send yet (prices only).
     */
    provider: jsonb("provider").$type<Record<string, unknown>>(),
    /** Submissions per second across every worker (Postgres-backed window); null for no limit. */
    throttlePerSecond: integer("throttle_per_second"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sms_routes_workspace_name_key").on(t.workspaceId, t.name)],
);

/** What to do with characters that would force UCS-2 (smart quotes, dashes): keep, or swap for GSM-7 lookalikes. */
export const smsCharacterPolicy = pgEnum("sms_character_policy", ["keep", "replace"]);

export const smsTemplates = pgTable(
  "sms_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    body: text("body").notNull().default(""),
    /** Appended to every message, e.g. "Reply STOP to opt out". Empty for none. */
    optOutFooter: text("opt_out_footer").notNull().default(""),
    characterPolicy: smsCharacterPolicy("character_policy").notNull().default("keep"),
    /** The route whose price and character set the composer shows. */
    routeId: uuid("route_id").references(() => smsRoutes.id, { onDelete: "set null" }),
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [index("sms_templates_workspace_updated_idx").on(t.workspaceId, t.updatedAt)],
);
