import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { smsRoutes, smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { seedJourneyRuns, stepInput, stepItems } from "../../sends/journey-send-fixtures";
import { sendSmsExecutor } from "./send-sms";

const smsNode = (templateId: string | null, routeId: string | null = null): JourneyNodeOf<"send_sms"> => ({
  id: "sms-1",
  type: "send_sms",
  position: { x: 0, y: 0 },
  config: { templateId, routeId },
});

describe("send_sms executor", () => {
  it("without a route that can send (prices only, or no SMS transport in this build), skips with a reason, charging and logging nothing", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const contacts = await insertTestContacts(ws.workspaceId, [{ phone: "+85291234567", phoneCountry: "HK", smsStatus: "subscribed" }]);
    const [pricesOnly] = await db.insert(smsRoutes).values({ workspaceId: ws.workspaceId, name: "Prices", markets: ["HK"], pricePerSegment: 0.05 }).returning();
    const [withProvider] = await db
      .insert(smsRoutes)
      .values({ workspaceId: ws.workspaceId, name: "Gateway", markets: ["HK"], pricePerSegment: 0.05, provider: { kind: "http", url: "https://sms.example.com/send", sourceAddr: "Herald" } })
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
