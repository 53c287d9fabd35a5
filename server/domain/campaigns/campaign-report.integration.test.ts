import { describe, expect, it } from "vitest";
import { campaignDomainStats, campaignLinkStats, campaignStatsHourly, creditLedger } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { callerFor, createTestWorkspace } from "@/server/testing/fixtures";

type Kind = (typeof campaignStatsHourly.$inferInsert)["kind"];

const HOUR = "2025-03-01T10:00:00.000Z";
const at = (iso: string, hours = 0) => new Date(new Date(iso).getTime() + hours * 3_600_000);

/** A workspace with a draft campaign; the rollup rows are written straight in, as the event writer would leave them. */
const setUp = async () => {
  const { workspace, owner } = await createTestWorkspace("Reports Co");
  const caller = callerFor(owner, workspace.id);
  const campaign = await caller.campaigns.create({ name: "Spring" });
  return { workspaceId: workspace.id, caller, campaignId: campaign.id };
};

const hourly = (workspaceId: string, campaignId: string, rows: [hoursAfter: number, kind: Kind, total: number, unique?: number][]) =>
  db.insert(campaignStatsHourly).values(rows.map(([hours, kind, total, unique = 0]) => ({ workspaceId, campaignId, hour: at(HOUR, hours), kind, total, unique })));

describe("campaigns.report", () => {
  it("adds up the funnel, per-hour activity, top links and domains and the credits spent, from the rollups and ledger", async () => {
    const { workspaceId, caller, campaignId } = await setUp();
    await hourly(workspaceId, campaignId, [
      [0, "sent", 90],
      [1, "sent", 10],
      [0, "delivered", 95],
      [0, "opened", 30, 20],
      [3, "opened", 12, 5],
      [1, "clicked", 8, 6],
      [0, "bounced", 3],
      [2, "unsubscribed", 2],
      [2, "complained", 1],
      [0, "failed", 2],
    ]);
    await db.insert(campaignLinkStats).values(
      Array.from({ length: 12 }, (_, i) => ({ workspaceId, campaignId, linkIndex: i, url: `https://shop.example/${i}`, clicks: i === 11 ? 0 : i + 2, uniqueClicks: i + 1 })),
    );
    await db.insert(campaignDomainStats).values([
      ...Array.from({ length: 12 }, (_, i) => ({ workspaceId, campaignId, domain: `d${i}.example`, kind: "sent" as const, total: 100 - i })),
      { workspaceId, campaignId, domain: "d0.example", kind: "opened" as const, total: 7 },
      { workspaceId, campaignId, domain: "d0.example", kind: "bounced" as const, total: 2 },
    ]);
    await db.insert(creditLedger).values([
      { workspaceId, kind: "debit", amount: -100, channel: "email", campaignId, messages: 100 },
      { workspaceId, kind: "debit", amount: -2.5, channel: "email", campaignId, messages: 3 },
      { workspaceId, kind: "refund", amount: 2, channel: "email", campaignId, messages: 2 },
      // Not this campaign's: a top-up, and another campaign's charge.
      { workspaceId, kind: "top_up", amount: 500 },
      { workspaceId, kind: "debit", amount: -40, channel: "email", campaignId: crypto.randomUUID(), messages: 40 },
    ]);

    const report = await caller.campaigns.report({ campaignId });

    expect(report.funnel).toEqual({ sent: 100, delivered: 95, opened: 25, clicked: 6, bounced: 3, unsubscribed: 2, complained: 1, failed: 2 });
    expect(report.credits).toEqual({ charged: 102.5, refunded: 2, spent: 100.5 });

    // A day of hours from the first event (it is long past, so the chart stops there), zeros in between.
    expect(report.activity.bucket).toBe("hour");
    expect(report.activity.points).toHaveLength(24);
    expect(report.activity.points[0]).toEqual({ at: "2025-03-01T10:00:00Z", opens: 30, clicks: 0, uniqueOpens: 20, uniqueClicks: 0 });
    expect(report.activity.points[1]).toEqual({ at: "2025-03-01T11:00:00Z", opens: 0, clicks: 8, uniqueOpens: 0, uniqueClicks: 6 });
    expect(report.activity.points[2]).toMatchObject({ opens: 0, clicks: 0 });
    expect(report.activity.points[3]).toMatchObject({ at: "2025-03-01T13:00:00Z", opens: 12, uniqueOpens: 5 });
    expect(report.activity.points.at(-1)!.at).toBe("2025-03-02T09:00:00Z");

    // Ten links, most unique clicks first; a link nobody clicked is left out.
    expect(report.links).toHaveLength(10);
    expect(report.links[0]).toEqual({ linkIndex: 10, url: "https://shop.example/10", clicks: 12, uniqueClicks: 11, variant: null });
    expect(report.links.map((link) => link.linkIndex)).not.toContain(11);

    // Ten domains, most sent first, with each kind in its own column.
    expect(report.domains).toHaveLength(10);
    expect(report.domains[0]).toEqual({ domain: "d0.example", sent: 100, delivered: 0, opened: 7, clicked: 0, bounced: 2, complained: 0, failed: 0 });
    expect(report.domains.at(-1)!.domain).toBe("d9.example");
  });

  it("switches to days when the activity spans more than a week, and is empty before anything was sent", async () => {
    const { workspaceId, caller, campaignId } = await setUp();
    const empty = await caller.campaigns.report({ campaignId });
    expect(empty.funnel.sent).toBe(0);
    expect(empty.activity).toEqual({ bucket: "hour", points: [] });
    expect(empty).toMatchObject({ links: [], domains: [], credits: { charged: 0, refunded: 0, spent: 0 } });

    await hourly(workspaceId, campaignId, [
      [0, "sent", 5],
      [1, "opened", 2, 2],
      [24 * 9 + 5, "opened", 1, 1],
    ]);
    const report = await caller.campaigns.report({ campaignId });
    expect(report.activity.bucket).toBe("day");
    expect(report.activity.points.map((point) => point.at)).toEqual(Array.from({ length: 10 }, (_, i) => `2025-03-${String(i + 1).padStart(2, "0")}T00:00:00Z`));
    expect(report.activity.points[0]).toMatchObject({ opens: 2, uniqueOpens: 2 });
    expect(report.activity.points[9]).toMatchObject({ opens: 1, uniqueOpens: 1 });
  });

  it("is NOT_FOUND from another workspace, and never counts rows another workspace wrote under the same campaign id", async () => {
    const mine = await setUp();
    const other = await setUp();
    await hourly(mine.workspaceId, mine.campaignId, [[0, "sent", 4]]);
    // Rows claiming the campaign but belonging to another workspace (a forged or buggy writer) stay out.
    await hourly(other.workspaceId, mine.campaignId, [[1, "sent", 1_000], [2, "opened", 50, 50]]);
    await db.insert(campaignLinkStats).values({ workspaceId: other.workspaceId, campaignId: mine.campaignId, linkIndex: 0, url: "https://other.example", clicks: 9, uniqueClicks: 9 });
    await db.insert(campaignDomainStats).values({ workspaceId: other.workspaceId, campaignId: mine.campaignId, domain: "other.example", kind: "sent", total: 9 });
    await db.insert(creditLedger).values({ workspaceId: other.workspaceId, kind: "debit", amount: -9, channel: "email", campaignId: mine.campaignId, messages: 9 });

    await expect(other.caller.campaigns.report({ campaignId: mine.campaignId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const report = await mine.caller.campaigns.report({ campaignId: mine.campaignId });
    expect(report.funnel).toMatchObject({ sent: 4, opened: 0 });
    expect(report.activity.points.every((point) => point.opens === 0)).toBe(true);
    expect(report).toMatchObject({ links: [], domains: [], credits: { spent: 0 } });
  });
});
