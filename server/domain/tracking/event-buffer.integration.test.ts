import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignStatsHourly, messageEvents } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { bufferMessageEvent, flushNow } from "./event-buffer";
import { seedCampaign, seedContact, seedMessage } from "./tracking-fixtures";

const opensOf = async (workspaceId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(messageEvents).where(and(eq(messageEvents.workspaceId, workspaceId), eq(messageEvents.kind, "opened"))))[0]!.n;

describe("event buffer", () => {
  it("writes buffered opens by itself shortly after they arrive, with the message's campaign and contact", async () => {
    const workspaceId = (await createTestWorkspace()).workspace.id;
    const { campaignId } = await seedCampaign({ workspaceId });
    const contact = await seedContact(workspaceId);
    const { messageId } = await seedMessage({ workspaceId, campaignId, contactId: contact.id, address: contact.email! });

    bufferMessageEvent({ messageId, kind: "opened", occurredAt: new Date() });
    bufferMessageEvent({ messageId, kind: "opened", occurredAt: new Date() });
    expect(await opensOf(workspaceId)).toBe(0);
    await expect.poll(() => opensOf(workspaceId), { timeout: 5_000, interval: 50 }).toBe(2);
    const [row] = await db.select().from(campaignStatsHourly).where(eq(campaignStatsHourly.campaignId, campaignId));
    expect(row).toMatchObject({ kind: "opened", total: 2, unique: 1, workspaceId });
  });

  it("writes more than one batch's worth in slices, and drops events of messages that are not in the log", async () => {
    const workspaceId = (await createTestWorkspace()).workspace.id;
    const { campaignId } = await seedCampaign({ workspaceId });
    const contact = await seedContact(workspaceId);
    const messages = await Promise.all(Array.from({ length: 12 }, () => seedMessage({ workspaceId, campaignId, contactId: contact.id, address: contact.email! })));
    for (let i = 0; i < 1_200; i++) bufferMessageEvent({ messageId: messages[i % 12]!.messageId, kind: "opened", occurredAt: new Date() });
    bufferMessageEvent({ messageId: randomUUID(), kind: "opened", occurredAt: new Date() });
    await flushNow();
    expect(await opensOf(workspaceId)).toBe(1_200);
    const [row] = await db.select().from(campaignStatsHourly).where(eq(campaignStatsHourly.campaignId, campaignId));
    expect(row).toMatchObject({ total: 1_200, unique: 12 });
  });
});
