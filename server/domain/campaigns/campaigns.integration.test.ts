import { and, eq, sql } from "drizzle-orm";
import { Logger, runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { campaigns, creditBalances } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { topUpCredits } from "@/server/domain/credits/top-up-credits";
import { env } from "@/server/env";
import { callerFor } from "@/server/testing/fixtures";
import { useDeliverySink } from "@/server/testing/delivery-sink";
import { withSystemMailQueue } from "@/server/testing/system-mail";
import { taskList } from "@/worker/task-list";
import { createSendableWorkspace } from "./campaign-fixtures";

const sink = useDeliverySink();

const silent = new Logger(() => () => {});

/** The real worker tasks, in this process, until the campaign settles (retries are brought forward, not waited for). */
const runUntilSettled = async (campaignId: string, settled: string[] = ["sent", "paused", "cancelled", "failed"]) => {
  for (let round = 0; round < 20; round++) {
    await withSystemMailQueue(() => runOnce({ connectionString: env().DATABASE_URL, taskList, logger: silent, noHandleSignals: true, concurrency: 4 }));
    const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
    if (settled.includes(row!.status)) return row!.status;
    await db.execute(sql`update graphile_worker._private_jobs set run_at = now() where run_at > now() and task_id in
      (select id from graphile_worker._private_tasks where identifier like 'delivery/%')`);
  }
  throw new Error("the campaign did not settle");
};

const balanceOf = async (workspaceId: string) =>
  (await db.select({ balance: creditBalances.balance }).from(creditBalances).where(eq(creditBalances.workspaceId, workspaceId)))[0]?.balance ?? 0;

const receivedBy = (addresses: string[]) => addresses.map((address) => sink.messagesTo(address).length);

describe("campaigns", () => {
  it("sends once to everyone sendable, skips the suppressed and unsubscribed, charges and logs each message", async () => {
    const ws = await createSendableWorkspace({ size: 600, suppressed: 30, unsubscribed: 20 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const before = await balanceOf(ws.workspaceId);
    const campaign = await caller.campaigns.create({ name: "Spring", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    expect((await caller.campaigns.launch({ campaignId: campaign.id })).status).toBe("sending");
    expect(await runUntilSettled(campaign.id)).toBe("sent");

    expect(receivedBy(ws.sendable).every((count) => count === 1)).toBe(true);
    expect(receivedBy([...ws.suppressedAddresses, ...ws.unsubscribedAddresses]).every((count) => count === 0)).toBe(true);
    const got = await caller.campaigns.get({ campaignId: campaign.id });
    expect(got.progress).toMatchObject({ recipients: 600, skipped: 50, charged: 550, sent: 550, failed: 0, batches: 3, batchesDone: 3 });
    expect(await balanceOf(ws.workspaceId)).toBe(before - 550);
    expect(await caller.campaigns.list()).toEqual([expect.objectContaining({ id: campaign.id, status: "sent", sent: 550, recipients: 600 })]);

    const message = sink.messagesTo(ws.sendable[0]!)[0]!;
    expect(message.parsed.subject).toBe("Hello friend");
    expect(message.mailFrom).toMatch(/^bounce\+[\w-]+@sender\.example$/);
    expect(message.parsed.headerLines.map((h) => h.key)).toEqual(expect.arrayContaining(["list-unsubscribe", "list-unsubscribe-post", "feedback-id", "message-id"]));
    expect(message.parsed.html).toMatch(/href="http[^"]+\/c\/[\w-]+\/0"/);
    expect(message.parsed.html).toMatch(/src="http[^"]+\/o\/[\w-]+"/);
    const [logged] = await db.execute<{ messages: number; events: number }>(sql`
      select (select count(*)::int from messages where campaign_id = ${campaign.id}) as messages,
             (select coalesce(sum(total), 0)::int from campaign_stats_hourly where campaign_id = ${campaign.id} and kind = 'sent') as events`);
    expect(logged).toEqual({ messages: 550, events: 550 });
  });

  it("refuses to launch what cannot be sent, naming the field", async () => {
    const ws = await createSendableWorkspace({ size: 3 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const noTemplate = await caller.campaigns.create({ name: "x", audience: { listIds: [ws.listId] } });
    await expect(caller.campaigns.launch({ campaignId: noTemplate.id })).rejects.toMatchObject({ cause: { fieldErrors: { emailTemplateId: ["Choose an email template"] } } });
    const noAudience = await caller.campaigns.create({ name: "x", emailTemplateId: ws.templateId });
    await expect(caller.campaigns.launch({ campaignId: noAudience.id })).rejects.toMatchObject({ cause: { fieldErrors: { audience: [expect.stringContaining("at least one list")] } } });
    const sms = await caller.campaigns.create({ name: "x", channels: ["sms"], audience: { listIds: [ws.listId] } });
    await expect(caller.campaigns.launch({ campaignId: sms.id })).rejects.toMatchObject({ cause: { fieldErrors: { smsTemplateId: ["Choose an SMS template"] } } });
    expect((await caller.campaigns.get({ campaignId: noTemplate.id })).status).toBe("draft");
  });

  it("pauses with a clear reason when credits run out, and finishes after a top-up and resume", async () => {
    const ws = await createSendableWorkspace({ size: 300 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    await db.update(creditBalances).set({ balance: 260 }).where(eq(creditBalances.workspaceId, ws.workspaceId));
    const campaign = await caller.campaigns.create({ name: "Big", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    await caller.campaigns.launch({ campaignId: campaign.id });
    expect(await runUntilSettled(campaign.id)).toBe("paused");
    const paused = await caller.campaigns.get({ campaignId: campaign.id });
    expect(paused.statusReason).toMatch(/Out of credits/);
    expect(paused.progress.sent).toBe(250);
    expect(await balanceOf(ws.workspaceId)).toBe(10);
    await topUpCredits({ workspaceId: ws.workspaceId, amount: 100, createdBy: ws.owner.id });
    await caller.campaigns.resume({ campaignId: campaign.id });
    expect(await runUntilSettled(campaign.id)).toBe("sent");
    expect(receivedBy(ws.sendable).every((count) => count === 1)).toBe(true);
    expect(await balanceOf(ws.workspaceId)).toBe(60);
  });

  it("pause holds every batch until resume; cancel refunds and sends nothing more", async () => {
    const ws = await createSendableWorkspace({ size: 40 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const first = await caller.campaigns.create({ name: "Paused", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    await caller.campaigns.launch({ campaignId: first.id });
    await caller.campaigns.pause({ campaignId: first.id });
    expect(await runUntilSettled(first.id, ["paused"])).toBe("paused");
    await withSystemMailQueue(() => runOnce({ connectionString: env().DATABASE_URL, taskList, logger: silent, noHandleSignals: true }));
    expect(receivedBy(ws.sendable).every((count) => count === 0)).toBe(true);
    expect((await caller.campaigns.get({ campaignId: first.id })).statusReason).toMatch(/^Paused by /);
    await caller.campaigns.resume({ campaignId: first.id });
    expect(await runUntilSettled(first.id)).toBe("sent");
    expect(receivedBy(ws.sendable).every((count) => count === 1)).toBe(true);

    const before = await balanceOf(ws.workspaceId);
    const second = await caller.campaigns.create({ name: "Cancelled", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] }, sendAt: new Date(Date.now() + 3_600_000) });
    expect((await caller.campaigns.launch({ campaignId: second.id })).status).toBe("scheduled");
    await caller.campaigns.cancel({ campaignId: second.id });
    await expect(caller.campaigns.resume({ campaignId: second.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(receivedBy(ws.sendable).every((count) => count === 1)).toBe(true);
    expect(await balanceOf(ws.workspaceId)).toBe(before);
  });

  it("retries what the smarthost refused for now, and sends each message once", async () => {
    const ws = await createSendableWorkspace({ size: 200 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    let refusals = 0;
    sink.refuseNext((n) => n % 5 === 0 && refusals++ < 60);
    const campaign = await caller.campaigns.create({ name: "Flaky", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    await caller.campaigns.launch({ campaignId: campaign.id });
    expect(await runUntilSettled(campaign.id)).toBe("sent");
    sink.refuseNext(() => false);
    expect(receivedBy(ws.sendable).every((count) => count === 1)).toBe(true);
    expect(refusals).toBeGreaterThan(0);
    const [row] = await db.select().from(campaigns).where(and(eq(campaigns.id, campaign.id)));
    expect(row!.status).toBe("sent");
  });
  it("obeys the workspace's frequency cap: who had their marketing message today is skipped, the rest are sent and counted", async () => {
    const ws = await createSendableWorkspace({ size: 40 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    await caller.messagingPolicy.save({ maxPerDay: 1, maxPerWeek: null, quietStart: null, quietEnd: null, appliesToCampaigns: true });
    // Ten of them already had a marketing message today (a journey, another campaign).
    const already = ws.sendable.slice(0, 10);
    await db.execute(sql`
      insert into contact_send_counts (contact_id, day, workspace_id, sends)
      select id, (now() at time zone 'utc')::date, workspace_id, 1 from contacts
      where workspace_id = ${ws.workspaceId} and email = any(string_to_array(${already.join(",")}, ','))`);
    const before = await balanceOf(ws.workspaceId);
    const campaign = await caller.campaigns.create({ name: "Capped", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    await caller.campaigns.launch({ campaignId: campaign.id });
    expect(await runUntilSettled(campaign.id)).toBe("sent");

    expect(receivedBy(already).every((count) => count === 0)).toBe(true);
    expect(receivedBy(ws.sendable.slice(10)).every((count) => count === 1)).toBe(true);
    expect((await caller.campaigns.get({ campaignId: campaign.id })).progress).toMatchObject({ recipients: 40, skipped: 10, sent: 30 });
    expect(await balanceOf(ws.workspaceId)).toBe(before - 30);
    const [reasons] = await db.execute<{ capped: number; counted: number }>(sql`
      select (select count(*)::int from campaign_recipients where campaign_id = ${campaign.id} and reason = 'frequency_cap') as capped,
        (select count(*)::int from contact_send_counts where workspace_id = ${ws.workspaceId} and sends = 1) as counted`);
    expect(reasons).toEqual({ capped: 10, counted: 40 });
  });
});
