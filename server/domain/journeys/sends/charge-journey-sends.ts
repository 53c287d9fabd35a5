import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { debitCredits } from "@/server/domain/credits/debit-credits";
import type { MessagingPolicy } from "@/server/domain/messaging-policy/messaging-policy-rules";
import { reserveMarketingSends } from "@/server/domain/messaging-policy/reserve-marketing-sends";

export type SendCandidate = { stateId: number; contactId: string; messageId: string; address: string; externalId: string | null };

export type ChargeJourneySendsResult =
  | { ok: true; charged: SendCandidate[]; capped: SendCandidate[] }
  | { ok: false; shortBy: number };

/**
 * The exactly-once record of a journey step's sends, in ONE transaction: the frequency cap reserves
 * (when the journey obeys it), journey_sends rows are claimed per (state, node, step) with ON CONFLICT
 * DO NOTHING, credits are debited for the rows this call claimed and no others, and the message log
 * gets their rows. A retried step finds its rows and only sends; nobody is charged twice. Out of
 * credits, the whole transaction (cap reservation included) rolls back and the caller waits.
 */
export const chargeJourneySends = async ({
  workspaceId,
  nodeId,
  stepNoByState,
  candidates,
  policy,
  channel,
  price,
  now,
}: {
  workspaceId: string;
  nodeId: string;
  stepNoByState: Map<number, number>;
  candidates: SendCandidate[];
  /** null: the journey ignores messaging limits (receipts and other transactional-style journeys). */
  policy: MessagingPolicy | null;
  channel: "email" | "sms";
  /** Credits per message. */
  price: (candidate: SendCandidate) => number;
  now: Date;
}): Promise<ChargeJourneySendsResult> => {
  if (candidates.length === 0) return { ok: true, charged: [], capped: [] };
  const outcome = await db
    .transaction(async (tx) => {
      let allowed = candidates;
      let capped: SendCandidate[] = [];
      if (policy) {
        const ok = new Set(await reserveMarketingSends(tx, { workspaceId, policy, contactIds: candidates.map((c) => c.contactId), now }));
        allowed = candidates.filter((c) => ok.has(c.contactId));
        capped = candidates.filter((c) => !ok.has(c.contactId));
      }
      if (allowed.length === 0) return { ok: true as const, charged: [], capped };
      const claimed = await tx.execute<{ state_id: number }>(sql`
        insert into journey_sends (state_id, node_id, step_no, workspace_id, message_id, state)
        select v.state_id, ${nodeId}, v.step_no, ${workspaceId}, v.message_id, 'charged'
        from json_to_recordset(${JSON.stringify(allowed.map((c) => ({ state_id: c.stateId, step_no: stepNoByState.get(c.stateId), message_id: c.messageId })))}::json)
          as v(state_id bigint, step_no int, message_id uuid)
        on conflict (state_id, node_id, step_no) do nothing
        returning state_id`);
      const claimedIds = new Set(claimed.map((row) => Number(row.state_id)));
      const charged = allowed.filter((c) => claimedIds.has(c.stateId));
      if (charged.length === 0) return { ok: true as const, charged, capped };
      const total = charged.reduce((sum, c) => sum + Math.round(price(c) * 10_000), 0) / 10_000;
      const debit = await debitCredits(tx, { workspaceId, amount: total, channel, messages: charged.length, note: "Journey messages" });
      if (!debit.ok) throw new OutOfCredits(debit.shortBy);
      await tx.execute(sql`
        insert into messages (id, workspace_id, kind, campaign_id, contact_id, channel, address, external_id, cost)
        select v.id, ${workspaceId}, 'journey', null, v.contact_id, ${channel}::channel, v.address, v.external_id, v.cost
        from json_to_recordset(${JSON.stringify(charged.map((c) => ({ id: c.messageId, contact_id: c.contactId, address: c.address, external_id: c.externalId, cost: price(c) })))}::json)
          as v(id uuid, contact_id uuid, address text, external_id text, cost numeric)`);
      return { ok: true as const, charged, capped };
    })
    .catch((error: unknown) => {
      if (error instanceof OutOfCredits) return { ok: false as const, shortBy: error.shortBy };
      throw error;
    });
  return outcome;
};

class OutOfCredits extends Error {
  constructor(readonly shortBy: number) {
    super("out of credits");
  }
}
