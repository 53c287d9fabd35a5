import { sql } from "drizzle-orm";
import { db, type Executor } from "@/server/db/client";
import { readMessageToken } from "./message-token";

export type TrackedMessage = {
  id: string;
  workspaceId: string;
  kind: "campaign" | "transactional" | "test" | "journey";
  campaignId: string | null;
  contactId: string | null;
  channel: "email" | "sms";
  address: string;
  /** The A/B variant it carried (0: the rest of a tested audience), or null: no test. */
  variant: number | null;
};

/**
 * The message a token stands for, or null for a token this server did not issue or a message no longer
 * in the log. The token is the credential: everything read afterwards is scoped by this row's workspace.
 */
export const findTrackedMessage = async (token: string, executor: Executor = db): Promise<TrackedMessage | null> => {
  const messageId = readMessageToken(token);
  if (!messageId) return null;
  return findMessagesById([messageId], executor).then((found) => found.get(messageId) ?? null);
};

/** Many messages by id in one query (the event buffer resolves a flush's opens and clicks with it). */
export const findMessagesById = async (ids: readonly string[], executor: Executor = db): Promise<Map<string, TrackedMessage>> => {
  const found = new Map<string, TrackedMessage>();
  if (ids.length === 0) return found;
  // Every monthly partition is probed by its primary key (id, created_at); the id alone is enough.
  const rows = await executor.execute<{
    id: string;
    workspace_id: string;
    kind: TrackedMessage["kind"];
    campaign_id: string | null;
    contact_id: string | null;
    channel: TrackedMessage["channel"];
    address: string;
    variant: number | null;
  }>(sql`
    select id, workspace_id, kind, campaign_id, contact_id, channel, address, variant
    from messages where id = any(${sql.param([...new Set(ids)])}::uuid[])`);
  for (const row of rows) {
    found.set(row.id, {
      id: row.id,
      workspaceId: row.workspace_id,
      kind: row.kind,
      campaignId: row.campaign_id,
      contactId: row.contact_id,
      channel: row.channel,
      address: row.address,
      variant: row.variant,
    });
  }
  return found;
};

/** The recipient's domain for the per-domain report, for email messages. */
export const recipientDomain = (message: Pick<TrackedMessage, "channel" | "address">): string | undefined => {
  if (message.channel !== "email") return undefined;
  const at = message.address.lastIndexOf("@");
  return at > 0 ? message.address.slice(at + 1).toLowerCase() : undefined;
};
