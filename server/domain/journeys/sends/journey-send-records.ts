import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { refundCredits } from "@/server/domain/credits/debit-credits";
import { recordMessageEvents } from "@/server/domain/delivery/record-message-events";
import type { StepItem } from "@/server/domain/journeys/runtime/step-types";

export type ExistingSend = { stateId: number; state: string; messageId: string; address: string | null; cost: number };

/** What earlier attempts at these steps already did: their journey_sends rows, with the address each was charged for. */
export const findJourneySends = async ({ workspaceId, nodeId, items }: { workspaceId: string; nodeId: string; items: StepItem[] }) => {
  if (items.length === 0) return new Map<number, ExistingSend>();
  const rows = await db.execute<{ state_id: number; state: string; message_id: string; address: string | null; cost: string | null }>(sql`
    select s.state_id, s.state, s.message_id, m.address, m.cost
    from journey_sends s
    join json_to_recordset(${JSON.stringify(items.map((i) => ({ state_id: i.stateId, step_no: i.stepNo })))}::json)
      as k(state_id bigint, step_no int) on k.state_id = s.state_id and k.step_no = s.step_no
    left join messages m on m.id = s.message_id and m.workspace_id = ${workspaceId}
    where s.node_id = ${nodeId} and s.workspace_id = ${workspaceId}`);
  return new Map(rows.map((row) => [Number(row.state_id), { stateId: Number(row.state_id), state: row.state, messageId: row.message_id, address: row.address, cost: Number(row.cost ?? 0) }]));
};

export type DeliveredSend = { stateId: number; contactId: string; messageId: string; address: string; state: "sent" | "failed"; reason: string | null; cost: number };

/**
 * Marks delivered sends `sent` or `failed` (refunding the failed ones) and logs their events, in one
 * transaction. Only rows still `charged` change, so a refund happens once even if two workers raced.
 */
export const recordJourneyDeliveries = async ({
  workspaceId,
  nodeId,
  stepNoByState,
  channel,
  deliveries,
}: {
  workspaceId: string;
  nodeId: string;
  stepNoByState: Map<number, number>;
  channel: "email" | "sms";
  deliveries: DeliveredSend[];
}) => {
  if (deliveries.length === 0) return;
  await db.transaction(async (tx) => {
    const changed = await tx.execute<{ state_id: number }>(sql`
      update journey_sends s set state = v.state
      from json_to_recordset(${JSON.stringify(deliveries.map((d) => ({ state_id: d.stateId, step_no: stepNoByState.get(d.stateId), state: d.state })))}::json)
        as v(state_id bigint, step_no int, state text)
      where s.state_id = v.state_id and s.step_no = v.step_no and s.node_id = ${nodeId} and s.workspace_id = ${workspaceId} and s.state = 'charged'
      returning s.state_id`);
    const changedIds = new Set(changed.map((row) => Number(row.state_id)));
    const done = deliveries.filter((d) => changedIds.has(d.stateId));
    const failed = done.filter((d) => d.state === "failed");
    if (failed.length > 0) {
      const amount = failed.reduce((sum, d) => sum + Math.round(d.cost * 10_000), 0) / 10_000;
      await refundCredits(tx, { workspaceId, amount, channel, messages: failed.length, note: "Journey messages refused by the receiving server" });
    }
    await recordMessageEvents(
      tx,
      done.map((d) => ({
        workspaceId,
        messageId: d.messageId,
        campaignId: null,
        contactId: d.contactId,
        kind: d.state,
        domain: channel === "email" ? d.address.split("@")[1]?.toLowerCase() : undefined,
        data: d.reason ? { reason: d.reason } : undefined,
      })),
    );
  });
};
