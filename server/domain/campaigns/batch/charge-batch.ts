import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { emailCredits } from "@/server/domain/credits/credit-prices";
import { debitCredits } from "@/server/domain/credits/debit-credits";
import { applyFrequencyCap, FREQUENCY_CAP_REASON, rollbackWhenShort, ShortOfCredits } from "./apply-frequency-cap";
import type { BatchRecipient } from "./load-batch";

export type ChargeOutcome =
  | { ok: true; charged: { contactId: string; messageId: string; address: string; variant: number }[]; skipped: number }
  | { ok: false; shortBy: number; needed: number };

/**
 * One transaction: recipients who may not be sent to are marked skipped with the reason; the rest are
 * paid for (one ledger debit) and marked `charged` with the message id they will always be sent with,
 * and the message log gets their rows. This is the idempotency record: a retry finds them charged and
 * only sends, and nobody is ever charged twice. In an A/B test (`abTest`) each message row carries the
 * recipient's variant (0: the rest of the audience), which the event writer counts per variant. Out of credits, nothing changes and the caller pauses.
 */
export const chargeBatch = async (
  { workspaceId, campaignId, batchNo, price, abTest = false }: { workspaceId: string; campaignId: string; batchNo: number; price: number; abTest?: boolean },
  recipients: readonly BatchRecipient[],
): Promise<ChargeOutcome> =>
  rollbackWhenShort(() => db.transaction(async (tx) => {
    const pending = recipients.filter((r) => r.state === "pending");
    const cap = await applyFrequencyCap(tx, workspaceId, pending.filter((r) => !r.blockedReason));
    const payable = cap.allowed;
    const blocked = [...pending.filter((r) => r.blockedReason), ...cap.capped.map((r) => ({ ...r, blockedReason: FREQUENCY_CAP_REASON }))];
    if (blocked.length > 0)
      await tx.execute(sql`
        update campaign_recipients r set state = 'skipped', reason = v.reason, updated_at = now()
        from json_to_recordset(${JSON.stringify(blocked.map((r) => ({ contact_id: r.contactId, reason: r.blockedReason })))}::json)
          as v(contact_id uuid, reason text)
        where r.campaign_id = ${campaignId} and r.channel = 'email' and r.contact_id = v.contact_id and r.state = 'pending'`);
    const charged = payable.length
      ? await tx.execute<{ contact_id: string; message_id: string; address: string; variant: number }>(sql`
          update campaign_recipients r set state = 'charged', message_id = gen_random_uuid(), cost = ${price}, updated_at = now()
          where r.campaign_id = ${campaignId} and r.channel = 'email' and r.batch_no = ${batchNo} and r.state = 'pending'
            and r.contact_id = any(string_to_array(${payable.map((r) => r.contactId).join(",")}, ',')::uuid[])
          returning r.contact_id, r.message_id, r.address, r.variant`)
      : [];
    if (charged.length > 0)
      await tx.execute(sql`
        insert into messages (id, workspace_id, kind, campaign_id, contact_id, channel, address, cost, variant)
        select v.id, ${workspaceId}, 'campaign', ${campaignId}, v.contact_id, 'email', v.address, ${price}, v.variant
        from json_to_recordset(${JSON.stringify(charged.map((r) => ({ id: r.message_id, contact_id: r.contact_id, address: r.address, variant: abTest ? r.variant : null })))}::json)
          as v(id uuid, contact_id uuid, address text, variant smallint)`);
    await tx.execute(sql`
      update campaign_batches set skipped = skipped + ${blocked.length}, charged = charged + ${charged.length}
      where campaign_id = ${campaignId} and batch_no = ${batchNo}`);
    // The debit comes last: it locks the workspace's balance row until commit, and every batch of every
    // campaign in the workspace queues on that lock, so it is held for one statement, not the whole charge.
    if (charged.length > 0) {
      const debit = await debitCredits(tx, {
        workspaceId,
        amount: emailCredits(charged.length),
        channel: "email",
        campaignId,
        messages: charged.length,
        note: `Batch ${batchNo + 1}`,
      });
      if (!debit.ok) throw new ShortOfCredits(debit.shortBy, emailCredits(charged.length));
    }
    return {
      ok: true,
      skipped: blocked.length,
      charged: charged.map((r) => ({ contactId: r.contact_id, messageId: r.message_id, address: r.address, variant: r.variant })),
    };
  }));
