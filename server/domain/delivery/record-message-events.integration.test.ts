import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { campaignDomainStats, campaignLinkStats, campaignStatsHourly, campaignVariantStats, messageEvents } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { messageEventsStatement, recordMessageEvents, type MessageEventInput } from "./record-message-events";

let workspaceId: string;
let campaignId: string;

beforeEach(async () => {
  workspaceId = (await createTestWorkspace()).workspace.id;
  campaignId = randomUUID(); // the rollups keep no foreign key: a campaign id is enough here
});

const at = (iso: string) => new Date(iso);
const event = (messageId: string, kind: MessageEventInput["kind"], extra: Partial<MessageEventInput> = {}): MessageEventInput => ({
  workspaceId,
  messageId,
  campaignId,
  contactId: null,
  kind,
  occurredAt: at("2030-05-01T10:15:00Z"),
  domain: "example.com",
  ...extra,
});

const hourly = async () =>
  db
    .select({ hour: campaignStatsHourly.hour, kind: campaignStatsHourly.kind, total: campaignStatsHourly.total, unique: campaignStatsHourly.unique })
    .from(campaignStatsHourly)
    .where(eq(campaignStatsHourly.campaignId, campaignId))
    .orderBy(asc(campaignStatsHourly.hour), asc(campaignStatsHourly.kind));

describe("recordMessageEvents", () => {
  it("logs every event and counts totals per hour, uniques once per message across batches", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await recordMessageEvents(db, [
      event(a, "sent"),
      event(b, "sent"),
      event(a, "opened"),
      event(a, "opened"),
      event(b, "opened", { occurredAt: at("2030-05-01T11:05:00Z") }),
    ]);
    await recordMessageEvents(db, [event(a, "opened", { occurredAt: at("2030-05-01T11:30:00Z") }), event(b, "opened", { occurredAt: at("2030-05-01T11:40:00Z") })]);

    expect(await hourly()).toEqual([
      { hour: at("2030-05-01T10:00:00Z"), kind: "sent", total: 2, unique: 0 },
      { hour: at("2030-05-01T10:00:00Z"), kind: "opened", total: 2, unique: 1 },
      { hour: at("2030-05-01T11:00:00Z"), kind: "opened", total: 3, unique: 1 },
    ]);
    const logged = await db.select({ n: sql<number>`count(*)::int` }).from(messageEvents).where(eq(messageEvents.workspaceId, workspaceId));
    expect(logged[0]!.n).toBe(7);
  });

  it("counts clicks per link, unique per message and link, and a message's first click once in the hourly rollup", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await recordMessageEvents(db, [
      event(a, "clicked", { link: { index: 0, url: "https://shop.example/sale" } }),
      event(a, "clicked", { link: { index: 0, url: "https://shop.example/sale" } }),
      event(a, "clicked", { link: { index: 1, url: "https://shop.example/orders/a" } }),
      event(b, "clicked", { link: { index: 1, url: "https://shop.example/orders/b" } }),
    ]);
    await recordMessageEvents(db, [event(b, "clicked", { link: { index: 0, url: "https://shop.example/sale" } })]);

    const links = await db
      .select({ index: campaignLinkStats.linkIndex, url: campaignLinkStats.url, clicks: campaignLinkStats.clicks, unique: campaignLinkStats.uniqueClicks })
      .from(campaignLinkStats)
      .where(eq(campaignLinkStats.campaignId, campaignId))
      .orderBy(asc(campaignLinkStats.linkIndex));
    expect(links).toEqual([
      { index: 0, url: "https://shop.example/sale", clicks: 3, unique: 2 },
      { index: 1, url: "https://shop.example/orders/a", clicks: 2, unique: 2 },
    ]);
    expect(await hourly()).toEqual([{ hour: at("2030-05-01T10:00:00Z"), kind: "clicked", total: 5, unique: 2 }]);

    const [click] = await db.select({ data: messageEvents.data }).from(messageEvents).where(and(eq(messageEvents.messageId, b), eq(messageEvents.kind, "clicked"))).limit(1);
    expect(click!.data).toMatchObject({ link: expect.any(Number), url: expect.stringContaining("https://shop.example/") });
  });

  it("counts events per recipient domain and kind", async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await recordMessageEvents(db, [
      event(ids[0]!, "delivered", { domain: "Gmail.com" }),
      event(ids[1]!, "delivered", { domain: "gmail.com" }),
      event(ids[2]!, "bounced", { domain: "yahoo.com", data: { class: "hard" } }),
      event(ids[2]!, "deferred", { domain: undefined }),
    ]);
    const domains = await db
      .select({ domain: campaignDomainStats.domain, kind: campaignDomainStats.kind, total: campaignDomainStats.total })
      .from(campaignDomainStats)
      .where(eq(campaignDomainStats.campaignId, campaignId))
      .orderBy(asc(campaignDomainStats.domain));
    expect(domains).toEqual([
      { domain: "gmail.com", kind: "delivered", total: 2 },
      { domain: "yahoo.com", kind: "bounced", total: 1 },
    ]);
  });

  it("counts an A/B-tested campaign's events per variant (uniques as in the hourly rollup), and nothing for messages without a variant", async () => {
    const [a, b, c, plain] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await recordMessageEvents(db, [
      event(a, "sent", { variant: 1 }),
      event(b, "sent", { variant: 2 }),
      event(c, "sent", { variant: 0 }),
      event(plain, "sent"),
      event(a, "opened", { variant: 1 }),
      event(a, "opened", { variant: 1 }),
      event(b, "clicked", { variant: 2, link: { index: 0, url: "https://shop.example/" } }),
    ]);
    await recordMessageEvents(db, [event(a, "opened", { variant: 1 }), event(b, "opened", { variant: 2 }), event(plain, "opened")]);
    const rows = await db
      .select({ variant: campaignVariantStats.variant, kind: campaignVariantStats.kind, total: campaignVariantStats.total, unique: campaignVariantStats.unique })
      .from(campaignVariantStats)
      .where(eq(campaignVariantStats.campaignId, campaignId))
      .orderBy(asc(campaignVariantStats.variant), asc(campaignVariantStats.kind));
    expect(rows).toEqual([
      { variant: 0, kind: "sent", total: 1, unique: 0 },
      { variant: 1, kind: "sent", total: 1, unique: 0 },
      { variant: 1, kind: "opened", total: 3, unique: 1 },
      { variant: 2, kind: "sent", total: 1, unique: 0 },
      { variant: 2, kind: "opened", total: 1, unique: 1 },
      { variant: 2, kind: "clicked", total: 1, unique: 1 },
    ]);
  });

  it("logs events without a campaign (transactional, tests) without touching any rollup", async () => {
    const id = randomUUID();
    await recordMessageEvents(db, [event(id, "opened", { campaignId: null }), event(id, "clicked", { campaignId: null, link: { index: 0, url: "https://x.example/" } })]);
    const rows = await db.select({ kind: messageEvents.kind, campaignId: messageEvents.campaignId }).from(messageEvents).where(eq(messageEvents.messageId, id));
    expect(rows).toHaveLength(2);
    expect(await db.select().from(campaignStatsHourly).where(eq(campaignStatsHourly.workspaceId, workspaceId))).toEqual([]);
    expect(await db.select().from(campaignLinkStats).where(eq(campaignLinkStats.workspaceId, workspaceId))).toEqual([]);
  });

  it("writes 500 events in one call, inside a caller's transaction if given one", async () => {
    const ids = Array.from({ length: 250 }, () => randomUUID());
    const batch = ids.flatMap((id, i) => [
      event(id, "opened", { domain: `d${i % 5}.example` }),
      event(id, "clicked", { link: { index: i % 40, url: `https://shop.example/${i % 40}` }, domain: `d${i % 5}.example` }),
    ]);
    await db.transaction(async (tx) => recordMessageEvents(tx, batch));
    const rows = await hourly();
    expect(rows).toEqual([
      { hour: at("2030-05-01T10:00:00Z"), kind: "opened", total: 250, unique: 250 },
      { hour: at("2030-05-01T10:00:00Z"), kind: "clicked", total: 250, unique: 250 },
    ]);
    const sums = await db
      .select({ clicks: sql<number>`sum(${campaignLinkStats.clicks})::int`, links: sql<number>`count(*)::int` })
      .from(campaignLinkStats)
      .where(eq(campaignLinkStats.campaignId, campaignId));
    expect(sums[0]).toEqual({ clicks: 250, links: 40 });
  });

  it("does nothing for an empty batch", async () => {
    await expect(recordMessageEvents(db, [])).resolves.toBeUndefined();
  });

  it("as one statement, runs the statements given alongside in it, and refuses opens (their uniques need a read first)", async () => {
    const id = randomUUID();
    const [marker] = await db.execute<{ id: string }>(sql`insert into lists (workspace_id, name) values (${workspaceId}, 'before') returning id`);
    await db.execute(
      messageEventsStatement([event(id, "sent")], { alongside: [sql`update lists set name = 'after' where id = ${marker!.id}`] }),
    );
    expect(await hourly()).toEqual([{ hour: at("2030-05-01T10:00:00Z"), kind: "sent", total: 1, unique: 0 }]);
    const [list] = await db.execute<{ name: string }>(sql`select name from lists where id = ${marker!.id}`);
    expect(list!.name).toBe("after");
    expect(() => messageEventsStatement([event(id, "opened")])).toThrow(/earlier engagement/);
  });
});
