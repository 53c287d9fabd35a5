import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { sumCredits } from "@/server/domain/credits/credit-prices";
import { refundCredits } from "@/server/domain/credits/debit-credits";
import { recordMessageEvents } from "@/server/domain/delivery/record-message-events";
import { recordSent } from "@/server/domain/nodes/throughput";
import type { OutgoingSms } from "./compose-sms-batch";

type Sent = { message: OutgoingSms; state: "sent"; providerId: string | null; parts: number };
type Refused = { message: OutgoingSms; state: "failed" | "retry"; reason: string };
export type SmsOutcome = Sent | Refused;

/**
 * One transaction per chunk: recipients sent or failed, the provider's id on the message log (what
 * delivery receipts are matched by), failed messages refunded, "sent"/"failed" events and the
 * batch's counters. Retries are only counted; they stay charged.
 */
export const writeSmsOutcomes = async (
  { workspaceId, campaignId, batchNo }: { workspaceId: string; campaignId: string; batchNo: number },
  outcomes: readonly SmsOutcome[],
  summary: { sent: number; failed: number; retry: number },
) => {
  const sent = outcomes.filter((o): o is Sent => o.state === "sent");
  const failed = outcomes.filter((o): o is Refused => o.state === "failed");
  summary.sent += sent.length;
  summary.failed += failed.length;
  summary.retry += outcomes.length - sent.length - failed.length;
  const done: SmsOutcome[] = [...sent, ...failed];
  if (done.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update campaign_recipients r set state = v.state::recipient_state, reason = v.reason, updated_at = now()
      from json_to_recordset(${JSON.stringify(done.map((o) => ({ contact_id: o.message.contactId, state: o.state, reason: o.state === "failed" ? o.reason : null })))}::json)
        as v(contact_id uuid, state text, reason text)
      where r.campaign_id = ${campaignId} and r.channel = 'sms' and r.contact_id = v.contact_id and r.state = 'charged'`);
    const withIds = sent.filter((o) => o.providerId);
    if (withIds.length > 0)
      await tx.execute(sql`
        update messages m set external_id = v.external_id
        from json_to_recordset(${JSON.stringify(withIds.map((o) => ({ id: o.message.messageId, external_id: o.providerId })))}::json) as v(id uuid, external_id text)
        where m.id = v.id and m.workspace_id = ${workspaceId}`);
    if (failed.length > 0)
      await refundCredits(tx, {
        workspaceId,
        amount: sumCredits(failed.map((o) => o.message.cost)),
        channel: "sms",
        campaignId,
        messages: failed.length,
        note: "Refused by the SMS provider",
      });
    await recordMessageEvents(
      tx,
      done.map((o) => ({
        workspaceId,
        messageId: o.message.messageId,
        campaignId,
        contactId: o.message.contactId,
        kind: o.state === "sent" ? ("sent" as const) : ("failed" as const),
        data: o.state === "sent" ? { providerId: o.providerId, parts: o.parts } : { reason: o.reason },
      })),
    );
    await tx.execute(sql`update campaign_batches set sent = sent + ${sent.length}, failed = failed + ${failed.length} where campaign_id = ${campaignId} and batch_no = ${batchNo}`);
  });
  recordSent(sent.length);
};
