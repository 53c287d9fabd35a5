import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsRoutes, smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import { closeSmsTransports } from "@/server/domain/delivery/sms/sms-transports";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { startSmppPeer, type SmppPeer } from "@/server/testing/smpp-peer";
import { seedJourneyRuns, stepInput, stepItems } from "../../sends/journey-send-fixtures";
import { sendSmsExecutor } from "./send-sms";

const smsNode = (templateId: string | null, routeId: string | null = null): JourneyNodeOf<"send_sms"> => ({
  id: "sms-1",
  type: "send_sms",
  position: { x: 0, y: 0 },
  config: { templateId, routeId },
});

let peer: SmppPeer;
beforeAll(async () => {
  peer = await startSmppPeer();
});
afterAll(async () => {
  await closeSmsTransports();
  await peer.close();
});

describe("send_sms executor", () => {
  it("submits through the route's SMPP bind once per (run, node, step), charges segments x price, and matches the receipt", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const contacts = await insertTestContacts(ws.workspaceId, [
      { phone: "+85291230001", phoneCountry: "HK", smsStatus: "subscribed" },
      { phone: "+85291230002", phoneCountry: "HK", smsStatus: "unsubscribed" },
    ]);
    const provider = { kind: "smpp", host: peer.host, port: peer.port, systemId: "herald", password: "secret", systemType: "", sourceAddr: "Herald", tls: false };
    const [route] = await db.insert(smsRoutes).values({ workspaceId: ws.workspaceId, name: "HK SMSC", markets: ["HK"], pricePerSegment: 0.5, provider }).returning();
    const [template] = await db.insert(smsTemplates).values({ workspaceId: ws.workspaceId, name: "Cart", body: "Hi {{ contact.phone }}, your cart {{ event.cart_id }} is waiting", routeId: route!.id }).returning();
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: contacts.map((c) => c.id), nodeId: "sms-1", context: { cart_id: "C-9" } });
    const items = await stepItems(states);
    const before = peer.submits.length;
    const first = await sendSmsExecutor(stepInput(journey, smsNode(template!.id), items));
    // The same step again (a retried batch): nothing is submitted or charged twice.
    const second = await sendSmsExecutor(stepInput(journey, smsNode(template!.id), items));
    const mine = peer.messages().filter((m) => m.to.endsWith("91230001") || m.to.endsWith("91230002"));
    expect(peer.submits.length - before).toBe(1);
    expect(mine).toEqual([expect.objectContaining({ to: "85291230001", from: "Herald", text: "Hi +85291230001, your cart C-9 is waiting", parts: 1 })]);
    for (const outcomes of [first, second]) {
      expect(outcomes.get(states[0]!.id)).toMatchObject({ kind: "next", outcome: "sent" });
      expect(outcomes.get(states[1]!.id)).toMatchObject({ kind: "next", outcome: "skipped" });
    }
    const [charged] = await db.execute<{ spent: string; messages: number }>(sql`
      select (select coalesce(-sum(amount), 0)::text from credit_ledger where workspace_id = ${ws.workspaceId} and kind = 'debit') as spent,
        (select count(*)::int from messages where workspace_id = ${ws.workspaceId} and channel = 'sms') as messages`);
    expect(Number(charged!.spent)).toBeCloseTo(0.5);
    expect(charged!.messages).toBe(1);

    await peer.sendReceipts(mine[0]!.providerIds);
    await expect
      .poll(async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from message_events where workspace_id = ${ws.workspaceId} and kind = 'delivered'`))[0]!.n)
      .toBe(1);
  });

  it("without a route that can send (prices only, or an incomplete provider), skips with a reason, charging and logging nothing", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const contacts = await insertTestContacts(ws.workspaceId, [{ phone: "+85291234567", phoneCountry: "HK", smsStatus: "subscribed" }]);
    const [pricesOnly] = await db.insert(smsRoutes).values({ workspaceId: ws.workspaceId, name: "Prices", markets: ["HK"], pricePerSegment: 0.05 }).returning();
    const [withProvider] = await db
      .insert(smsRoutes)
      .values({ workspaceId: ws.workspaceId, name: "Gateway", markets: ["HK"], pricePerSegment: 0.05, provider: { kind: "http", sourceAddr: "Herald" } })
      .returning();
    const [template] = await db.insert(smsTemplates).values({ workspaceId: ws.workspaceId, name: "Reminder", body: "Hi {{ contact.first_name | default: 'there' }}, cart {{ event.cart_id }}", routeId: pricesOnly!.id }).returning();
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contacts[0]!.id], nodeId: "sms-1", context: { cart_id: "C-1" } });
    const items = await stepItems(states);
    for (const routeId of [null, withProvider!.id]) {
      const outcomes = await sendSmsExecutor(stepInput(journey, smsNode(template!.id, routeId), items));
      expect(outcomes.get(states[0]!.id)).toMatchObject({ kind: "next", handle: "next", outcome: "skipped", detail: { reason: "no SMS route can send" } });
    }
    const [counts] = await db.execute<{ sends: number; messages: number; debits: number }>(sql`
      select (select count(*)::int from journey_sends where workspace_id = ${ws.workspaceId}) as sends,
        (select count(*)::int from messages where workspace_id = ${ws.workspaceId}) as messages,
        (select count(*)::int from credit_ledger where workspace_id = ${ws.workspaceId} and kind = 'debit') as debits`);
    expect(counts).toEqual({ sends: 0, messages: 0, debits: 0 });
  });

  it("a step whose SMS template is gone fails the runs and moves them on", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const contacts = await insertTestContacts(ws.workspaceId, [{ phone: "+85291234568", phoneCountry: "HK", smsStatus: "subscribed" }]);
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contacts[0]!.id], nodeId: "sms-1" });
    const outcomes = await sendSmsExecutor(stepInput(journey, smsNode(null), await stepItems(states)));
    expect(outcomes.get(states[0]!.id)).toMatchObject({ kind: "next", outcome: "failed" });
  });
});
