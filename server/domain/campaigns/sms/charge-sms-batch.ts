import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { sumCredits } from "@/server/domain/credits/credit-prices";
import { debitCredits } from "@/server/domain/credits/debit-credits";
import { applyFrequencyCap, FREQUENCY_CAP_REASON, rollbackWhenShort, ShortOfCredits } from "../batch/apply-frequency-cap";
import type { ComposedSmsBatch, OutgoingSms } from "./compose-sms-batch";

export type SmsChargeOutcome = { ok: true; charged: OutgoingSms[]; skipped: number } | { ok: false; shortBy: number; needed: number };

/**
 * The SMS twin of chargeBatch, in one transaction: the blocked are marked skipped with their reason,
 * the rest are paid for (one ledger debit of segments × route price, summed) and marked `charged`
 * with their message id and cost, and the message log gets their rows. That row is the idempotency
 * record: a retry finds them charged and only sends. Out of credits, nothing changes.
 */
export const chargeSmsBatch = async (
  { workspaceId, campaignId, batchNo }: { workspaceId: string; campaignId: string; batchNo: number },
  composed: Pick<ComposedSmsBatch, "payable" | "blocked">,
): Promise<SmsChargeOutcome> =>
  rollbackWhenShort(() => db.transaction(async (tx) => {
    const cap = await applyFrequencyCap(tx, workspaceId, composed.payable);
    const payable = cap.allowed;
    const blocked = [...composed.blocked, ...cap.capped.map((m) => ({ contactId: m.contactId, reason: FREQUENCY_CAP_REASON }))];
    const needed = sumCredits(payable.map((m) => m.cost));
    if (payable.length > 0) {
      const debit = await debitCredits(tx, { workspaceId, amount: needed, channel: "sms", campaignId, messages: payable.length, note: `Batch ${batchNo + 1} (SMS)` });
      if (!debit.ok) throw new ShortOfCredits(debit.shortBy, needed);
    }
    if (blocked.length > 0)
      await tx.execute(sql`
        update campaign_recipients r set state = 'skipped', reason = v.reason, updated_at = now()
        from json_to_recordset(${JSON.stringify(blocked.map((b) => ({ contact_id: b.contactId, reason: b.reason })))}::json) as v(contact_id uuid, reason text)
        where r.campaign_id = ${campaignId} and r.channel = 'sms' and r.contact_id = v.contact_id and r.state = 'pending'`);
    const marked = payable.length
      ? await tx.execute<{ contact_id: string }>(sql`
          update campaign_recipients r set state = 'charged', message_id = v.message_id, cost = v.cost, updated_at = now()
          from json_to_recordset(${JSON.stringify(payable.map((m) => ({ contact_id: m.contactId, message_id: m.messageId, cost: m.cost })))}::json)
            as v(contact_id uuid, message_id uuid, cost numeric)
          where r.campaign_id = ${campaignId} and r.channel = 'sms' and r.batch_no = ${batchNo} and r.contact_id = v.contact_id and r.state = 'pending'
          returning r.contact_id`)
      : [];
    // A recipient no longer pending (another run of the batch got there first) must not be paid for
    // twice: roll the whole charge back; the job's retry finds them charged and only sends.
    const markedIds = new Set(marked.map((r) => r.contact_id));
    const charged = payable.filter((m) => markedIds.has(m.contactId));
    if (charged.length < payable.length) throw new Error(`Batch ${batchNo + 1}: ${payable.length - charged.length} recipients were charged meanwhile; retrying`);
    if (charged.length > 0)
      await tx.execute(sql`
        insert into messages (id, workspace_id, kind, campaign_id, contact_id, channel, address, cost)
        select v.id, ${workspaceId}, 'campaign', ${campaignId}, v.contact_id, 'sms', v.address, v.cost
        from json_to_recordset(${JSON.stringify(charged.map((m) => ({ id: m.messageId, contact_id: m.contactId, address: m.address, cost: m.cost })))}::json)
          as v(id uuid, contact_id uuid, address text, cost numeric)`);
    await tx.execute(sql`
      update campaign_batches set skipped = skipped + ${blocked.length}, charged = charged + ${charged.length}
      where campaign_id = ${campaignId} and batch_no = ${batchNo}`);
    return { ok: true, charged, skipped: blocked.length };
  }));
