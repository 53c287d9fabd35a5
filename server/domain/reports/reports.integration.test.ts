import { describe, expect, it } from "vitest";
import { campaignBatches, campaigns, campaignStatsHourly, creditLedger, listMemberships, type CampaignAudience } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createContact } from "@/server/domain/contacts/create-contact";
import { createList } from "@/server/domain/lists/create-list";
import { callerFor, createTestWorkspace } from "@/server/testing/fixtures";

type Kind = (typeof campaignStatsHourly.$inferInsert)["kind"];

// Rows are placed by whole UTC days back from today (at 01:00), so they land on known days of the series.
const todayUtc = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
const daysAgo = (days: number, hour = 1) => new Date(todayUtc.getTime() - days * 86_400_000 + hour * 3_600_000);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const setUp = async () => {
  const { workspace, owner } = await createTestWorkspace("Dashboards Co");
  return { workspaceId: workspace.id, caller: callerFor(owner, workspace.id) };
};

const audience = (listIds: string[], excludeListIds: string[] = []): CampaignAudience => ({ listIds, segmentIds: [], excludeListIds, excludeSegmentIds: [] });

/** A campaign as launch leaves it (no launch machinery: the rollups below are what the dashboards read). */
const campaign = async (workspaceId: string, name: string, launchedDaysAgo: number | null, campaignAudience: CampaignAudience) => {
  const [row] = await db
    .insert(campaigns)
    .values({
      workspaceId,
      name,
      channels: ["email"],
      audience: campaignAudience,
      status: launchedDaysAgo === null ? "draft" : "sent",
      launchedAt: launchedDaysAgo === null ? null : daysAgo(launchedDaysAgo, 0),
    })
    .returning();
  return row!.id;
};

const hourly = (workspaceId: string, campaignId: string, rows: [daysAgo: number, kind: Kind, total: number, unique?: number][]) =>
  db.insert(campaignStatsHourly).values(rows.map(([days, kind, total, unique = 0]) => ({ workspaceId, campaignId, hour: daysAgo(days), kind, total, unique })));

/**
 * Campaign A (to list L1) two days ago, B (to L2, excluding L1) yesterday and today, C (to L1) 40 days
 * ago, and a draft D (to L1) that never went out; credits for A, C and a transactional send.
 */
const seed = async (workspaceId: string) => {
  const l1 = await createList({ workspaceId, name: "Newsletter" });
  const l2 = await createList({ workspaceId, name: "Customers" });
  const a = await campaign(workspaceId, "Spring sale", 2, audience([l1.id]));
  const b = await campaign(workspaceId, "Customer news", 1, audience([l2.id], [l1.id]));
  const c = await campaign(workspaceId, "Winter sale", 40, audience([l2.id, l1.id]));
  await campaign(workspaceId, "Draft", null, audience([l1.id]));
  await hourly(workspaceId, a, [
    [2, "sent", 100],
    [2, "delivered", 97],
    [2, "opened", 50, 40],
    [1, "opened", 6, 5],
    [2, "clicked", 10, 8],
    [2, "bounced", 3],
    [2, "unsubscribed", 2],
    [1, "complained", 1],
  ]);
  await hourly(workspaceId, b, [
    [1, "sent", 30],
    [0, "sent", 20],
    [0, "opened", 20, 10],
    [0, "clicked", 5, 2],
  ]);
  await hourly(workspaceId, c, [
    [40, "sent", 1000],
    [40, "opened", 400, 300],
    [39, "clicked", 60, 50],
  ]);
  await db.insert(campaignBatches).values([
    { workspaceId, campaignId: a, batchNo: 0, channel: "email", recipients: 60, sent: 58, skipped: 2, state: "done" },
    { workspaceId, campaignId: a, batchNo: 1, channel: "email", recipients: 45, sent: 42, skipped: 0, failed: 3, state: "done" },
  ]);
  await db.insert(creditLedger).values([
    { workspaceId, kind: "debit", amount: -100, channel: "email", campaignId: a, messages: 100, createdAt: daysAgo(2) },
    { workspaceId, kind: "refund", amount: 3, channel: "email", campaignId: a, messages: 3, createdAt: daysAgo(2) },
    { workspaceId, kind: "debit", amount: -50, channel: "email", campaignId: b, messages: 50, createdAt: daysAgo(1) },
    { workspaceId, kind: "debit", amount: -1000, channel: "email", campaignId: c, messages: 1000, createdAt: daysAgo(40) },
    // A transactional send (no campaign) is spending too; a top-up is not.
    { workspaceId, kind: "debit", amount: -2.5, channel: "email", messages: 2, createdAt: daysAgo(0) },
    { workspaceId, kind: "top_up", amount: 5000, createdAt: daysAgo(0) },
  ]);
  return { l1: l1.id, l2: l2.id, a, b, c };
};

describe("reports.workspace", () => {
  it("adds up the period's totals, rates, per-day series, recent campaigns and credits spent", async () => {
    const { workspaceId, caller } = await setUp();
    const { a, b, c } = await seed(workspaceId);

    const month = await caller.reports.workspace({ days: 30 });
    expect(month.totals).toEqual({ sent: 150, uniqueOpens: 55, uniqueClicks: 10, bounced: 3, unsubscribed: 2, complained: 1 });
    expect(month.rates).toEqual({ open: 0.3667, click: 0.0667, bounce: 0.02, unsubscribe: 0.0133, complaint: 0.0067 });
    // Thirty calendar days ending today, without gaps; events count on the day they happened.
    expect(month.series).toHaveLength(30);
    expect(month.series.at(-1)).toEqual({ day: dayOf(todayUtc), sent: 20, opens: 10, clicks: 2 });
    expect(month.series.at(-2)).toEqual({ day: dayOf(daysAgo(1)), sent: 30, opens: 5, clicks: 0 });
    expect(month.series.at(-3)).toEqual({ day: dayOf(daysAgo(2)), sent: 100, opens: 40, clicks: 8 });
    expect(month.series[0]).toEqual({ day: dayOf(daysAgo(29)), sent: 0, opens: 0, clicks: 0 });
    expect(month.credits).toEqual({ charged: 152.5, refunded: 3, spent: 149.5 });

    // Launched campaigns only, newest first, with their whole-life figures (C's are older than the period).
    expect(month.campaigns.map((row) => row.id)).toEqual([b, a, c]);
    expect(month.campaigns[1]).toMatchObject({ name: "Spring sale", status: "sent", recipients: 105, sent: 100, uniqueOpens: 45, uniqueClicks: 8, openRate: 0.45, clickRate: 0.08 });
    expect(month.campaigns[2]).toMatchObject({ recipients: 0, sent: 1000, openRate: 0.3, clickRate: 0.05 });

    const quarter = await caller.reports.workspace({ days: 90 });
    expect(quarter.series).toHaveLength(90);
    expect(quarter.totals).toMatchObject({ sent: 1150, uniqueOpens: 355, uniqueClicks: 60 });
    expect(quarter.credits.spent).toBe(1149.5);

    const week = await caller.reports.workspace({ days: 7 });
    expect(week.series).toHaveLength(7);
    expect(week.totals.sent).toBe(150);
    // 30 days when no period is given.
    expect((await caller.reports.workspace({})).days).toBe(30);
  });

  it("is all zeros before anything was sent, and refuses periods and zones it does not know", async () => {
    const { caller } = await setUp();
    const empty = await caller.reports.workspace({ days: 7 });
    expect(empty.totals).toEqual({ sent: 0, uniqueOpens: 0, uniqueClicks: 0, bounced: 0, unsubscribed: 0, complained: 0 });
    expect(empty.rates).toEqual({ open: 0, click: 0, bounce: 0, unsubscribe: 0, complaint: 0 });
    expect(empty.series.every((day) => day.sent === 0 && day.opens === 0)).toBe(true);
    expect(empty).toMatchObject({ campaigns: [], credits: { charged: 0, refunded: 0, spent: 0 } });
    await expect(caller.reports.workspace({ days: 8 as 7 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.reports.workspace({ timezone: "Mars/Olympus" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("timezone") });
  });
});

describe("reports.list", () => {
  it("counts only campaigns sent to the list (not ones that excluded it), with the list's members now", async () => {
    const { workspaceId, caller } = await setUp();
    const { l1, l2, a, b, c } = await seed(workspaceId);
    const contactIds: string[] = [];
    for (let i = 0; i < 6; i++) contactIds.push((await createContact({ workspaceId, source: "manual", email: `member${i}@example.com` })).id);
    const statuses = ["subscribed", "subscribed", "subscribed", "unsubscribed", "unsubscribed", "bounced"] as const;
    await db.insert(listMemberships).values(contactIds.map((contactId, i) => ({ workspaceId, listId: l1, contactId, status: statuses[i]! })));

    const newsletter = await caller.reports.list({ listId: l1, days: 30 });
    expect(newsletter.list).toEqual({ id: l1, name: "Newsletter" });
    expect(newsletter.members).toEqual({ subscribed: 3, unsubscribed: 2, bounced: 1, total: 6 });
    expect(newsletter.totals).toEqual({ sent: 100, uniqueOpens: 45, uniqueClicks: 8, bounced: 3, unsubscribed: 2, complained: 1 });
    expect(newsletter.rates).toMatchObject({ open: 0.45, click: 0.08, bounce: 0.03 });
    expect(newsletter.series.at(-1)).toMatchObject({ sent: 0, opens: 0 });
    expect(newsletter.series.at(-3)).toMatchObject({ sent: 100, opens: 40, clicks: 8 });
    expect(newsletter.campaigns.map((row) => row.id)).toEqual([a, c]);
    // Only its campaigns' spending: no transactional send, nothing of B's.
    expect(newsletter.credits).toEqual({ charged: 100, refunded: 3, spent: 97 });
    expect((await caller.reports.list({ listId: l1, days: 90 })).totals.sent).toBe(1100);

    const customers = await caller.reports.list({ listId: l2, days: 30 });
    expect(customers.totals).toMatchObject({ sent: 50, uniqueOpens: 10, uniqueClicks: 2 });
    expect(customers.campaigns.map((row) => row.id)).toEqual([b, c]);
    expect(customers.members.total).toBe(0);
  });
});

describe("reports isolation", () => {
  it("shows another workspace nothing: zeros on its dashboard, NOT_FOUND for the list, forged rollup rows ignored", async () => {
    const mine = await setUp();
    const other = await setUp();
    const { l1, a } = await seed(mine.workspaceId);
    // Rows claiming my campaign but written under the other workspace stay out of both dashboards.
    await hourly(other.workspaceId, a, [[0, "sent", 7_000], [0, "opened", 500, 500]]);
    await db.insert(creditLedger).values({ workspaceId: other.workspaceId, kind: "debit", amount: -9, channel: "email", campaignId: a, messages: 9 });

    const theirs = await other.caller.reports.workspace({ days: 90 });
    expect(theirs.totals).toMatchObject({ sent: 0, uniqueOpens: 0 });
    expect(theirs.campaigns).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(a);
    await expect(other.caller.reports.list({ listId: l1 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const ours = await mine.caller.reports.workspace({ days: 90 });
    expect(ours.totals).toMatchObject({ sent: 1150, uniqueOpens: 355 });
    expect(ours.credits.spent).toBe(1149.5);
    expect((await mine.caller.reports.list({ listId: l1, days: 30 })).totals.sent).toBe(100);
  });
});
