import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { recordMessageEvents } from "@/server/domain/delivery/record-message-events";
import type { SmsReceipt } from "./sms-transport";

/** How far back a receipt is matched: SMSCs give up on a message within days, and the scan stays in recent partitions. */
const RECEIPT_WINDOW = "7 days";

/**
 * Delivery receipts for one workspace's route as "delivered" / "failed" events of the messages they
 * name (messages.external_id = the provider's id), once each: a receipt the SMSC sends again, or one
 * for a message that already has its outcome, is ignored. Returns the provider ids that matched no
 * message yet; a receipt can overtake the write of its message's provider id, so the caller retries those.
 */
export const recordSmsReceipts = async ({ workspaceId, receipts }: { workspaceId: string; receipts: readonly SmsReceipt[] }): Promise<{ unmatched: string[] }> => {
  if (receipts.length === 0) return { unmatched: [] };
  const ids = [...new Set(receipts.map((r) => r.providerId))];
  return db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: string; campaign_id: string | null; contact_id: string | null; external_id: string; settled: boolean }>(sql`
      select m.id, m.campaign_id, m.contact_id, m.external_id,
        exists (select 1 from message_events e where e.message_id = m.id and e.workspace_id = ${workspaceId} and e.kind in ('delivered', 'failed')) as settled
      from messages m
      where m.workspace_id = ${workspaceId} and m.channel = 'sms' and m.external_id = any(${sql.param(ids)}::text[])
        and m.created_at > now() - ${RECEIPT_WINDOW}::interval
      for update of m`);
    const byProviderId = new Map(rows.map((row) => [row.external_id, row]));
    const recorded = new Set<string>();
    const events = receipts.flatMap((receipt) => {
      const message = byProviderId.get(receipt.providerId);
      if (!message || message.settled || recorded.has(message.id)) return [];
      recorded.add(message.id);
      return [
        {
          workspaceId,
          messageId: message.id,
          campaignId: message.campaign_id,
          contactId: message.contact_id,
          kind: receipt.status,
          occurredAt: receipt.at,
          data: { state: receipt.state, ...(receipt.error ? { error: receipt.error } : {}) },
        },
      ];
    });
    await recordMessageEvents(tx, events);
    return { unmatched: ids.filter((id) => !byProviderId.has(id)) };
  });
};
