import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * Mail received by the local mail catcher (the default smarthost on a single box).
 * Herald stamps X-Herald-Workspace on what it sends, so the Outbox shows each workspace only its own
 * mail; the app's own mail (password resets, invitations) has no workspace and is shown to its addressee.
 */
export const caughtMessages = pgTable(
  "caught_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    mailFrom: text("mail_from").notNull(),
    recipients: text("recipients").array().notNull(),
    subject: text("subject").notNull().default(""),
    messageId: text("message_id"),
    text: text("text"),
    html: text("html"),
    raw: text("raw").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("caught_messages_workspace_received_idx").on(t.workspaceId, t.receivedAt),
    index("caught_messages_recipients_idx").using("gin", t.recipients),
  ],
);
