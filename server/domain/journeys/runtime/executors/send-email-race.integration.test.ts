import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import { closeTransports } from "@/server/domain/delivery/transports/smarthosts";
import { env } from "@/server/env";
import { startRecordingSink } from "@/server/testing/recording-sink";
import { seedJourneyRuns, stepInput, stepItems } from "../../sends/journey-send-fixtures";
import { sendEmailExecutor } from "./send-email";

let sink: Awaited<ReturnType<typeof startRecordingSink>>;
beforeAll(async () => {
  sink = await startRecordingSink({ delayMs: 1 });
  process.env.DELIVERY_SMTP_URL = `${sink.url}?connections=8`;
  expect(env().DELIVERY_SMTP_URL).toBe(process.env.DELIVERY_SMTP_URL);
});
afterAll(async () => {
  closeTransports();
  await sink.close();
});

describe("send_email exactly once under a race", () => {
  it("two workers running the same 300 steps at once (a lease that expired mid-step): every contact gets one message, charged once", async () => {
    const ws = await createSendableWorkspace({ size: 300, suppressed: 20 });
    const ids = (await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId))).map((c) => c.id);
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: ids, nodeId: "send-1" });
    const items = await stepItems(states);
    const node = { id: "send-1", type: "send_email" as const, position: { x: 0, y: 0 }, config: { templateId: ws.templateId, sendingIdentityId: null } };
    const [before] = await db.execute<{ balance: string }>(sql`select balance from credit_balances where workspace_id = ${ws.workspaceId}`);

    const [a, b] = await Promise.all([sendEmailExecutor(stepInput(journey, node, items)), sendEmailExecutor(stepInput(journey, node, items))]);
    // Each run is sent by exactly one of the two; the other either saw it sent or waits to look again.
    for (const state of states) {
      const outcomes = [a.get(state.id)!, b.get(state.id)!];
      const suppressed = ws.suppressedAddresses.length > 0 && outcomes.every((o) => o.outcome === "skipped");
      if (!suppressed) expect(outcomes.filter((o) => o.outcome === "sent").length, `state ${state.id}`).toBeGreaterThanOrEqual(1);
    }
    // A later run of the step (what the retry does) finishes any that waited, still without a second message.
    const again = await sendEmailExecutor(stepInput(journey, node, items));
    expect([...again.values()].filter((o) => o.outcome === "sent")).toHaveLength(280);

    const mine = sink.receipts.filter((r) => r.to.endsWith(`-${ws.workspaceId.slice(0, 8)}@example.com`));
    expect(mine).toHaveLength(280);
    expect(new Set(mine.map((r) => r.to)).size).toBe(280);
    expect(mine.filter((r) => ws.suppressedAddresses.includes(r.to))).toEqual([]);
    const [after] = await db.execute<{ balance: string }>(sql`select balance from credit_balances where workspace_id = ${ws.workspaceId}`);
    expect(Number(before!.balance) - Number(after!.balance)).toBe(280);
    const [logged] = await db.execute<{ n: number }>(sql`select count(*)::int as n from messages where workspace_id = ${ws.workspaceId} and kind = 'journey'`);
    expect(logged!.n).toBe(280);
  });
});
