import { eq, sql } from "drizzle-orm";
import { Logger, runOnce, type TaskList } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { campaigns, emailTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { BLANK_MJML } from "@/server/domain/content/templates/default-sources";
import { bufferMessageEvent, flushNow } from "@/server/domain/tracking/event-buffer";
import { renderBrowserView } from "@/server/domain/tracking/render-browser-view";
import { resolveClick } from "@/server/domain/tracking/resolve-click";
import { env } from "@/server/env";
import { callerFor } from "@/server/testing/fixtures";
import { useDeliverySink } from "@/server/testing/delivery-sink";
import { withSystemMailQueue } from "@/server/testing/system-mail";
import { taskList } from "@/worker/task-list";
import { createSendableWorkspace } from "../campaign-fixtures";

const sink = useDeliverySink();

const silent = new Logger(() => () => {});

/**
 * The queue is shared with other test files. Each test holds the queue lock from launch to its last
 * check (so no other file's worker takes its jobs), and its worker runs only this file's campaigns'
 * jobs: another file's job it meets fails this once and is retried by that file's own worker.
 */
const mine = new Set<string>();
const CAMPAIGN_TASKS = ["delivery/prepare-campaign", "delivery/send-batch", "delivery/decide-ab-winner", "delivery/cancel-cleanup"];
const ownTasks: TaskList = Object.fromEntries(
  CAMPAIGN_TASKS.map((identifier) => [
    identifier,
    (payload, helpers) => {
      if (!mine.has((payload as { campaignId?: string }).campaignId ?? "")) throw new Error("another test file's campaign: left for its own worker");
      return taskList[identifier]!(payload, helpers);
    },
  ]),
);
const runJobs = () => runOnce({ connectionString: env().DATABASE_URL, taskList: ownTasks, logger: silent, noHandleSignals: true, concurrency: 4 });
const ownCampaign = <T extends { id: string }>(campaign: T) => {
  mine.add(campaign.id);
  return campaign;
};

/** Brings these tasks' future jobs forward to now (a retry's backoff, or the A/B decision's wait). */
const bringForward = (identifiers: string[]) =>
  db.execute(sql`update graphile_worker._private_jobs set run_at = now() where run_at > now() and task_id in
    (select id from graphile_worker._private_tasks where identifier = any(${sql.param(identifiers)}::text[]))`);

const statusOf = async (campaignId: string) => (await db.select().from(campaigns).where(eq(campaigns.id, campaignId)))[0]!;

/** Runs the sending jobs (never the decision) until the test's batches are done. */
const sendTheTest = async (campaignId: string) => {
  for (let round = 0; round < 20; round++) {
    await runJobs();
    const [open] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from campaign_batches
      where campaign_id = ${campaignId} and state <> 'done'
        and batch_no < (select (snapshot->'abTest'->>'sampleBatches')::int from campaigns where id = ${campaignId})`);
    if (open && open.n === 0 && (await statusOf(campaignId)).snapshot) return;
    await bringForward(["delivery/send-batch"]);
  }
  throw new Error("the test's batches did not finish");
};

const runUntil = async (campaignId: string, statuses: string[]) => {
  for (let round = 0; round < 20; round++) {
    await runJobs();
    const { status } = await statusOf(campaignId);
    if (statuses.includes(status)) return status;
    await bringForward(["delivery/send-batch", "delivery/decide-ab-winner", "delivery/cancel-cleanup"]);
  }
  throw new Error("the campaign did not settle");
};

const received = (addresses: string[]) => addresses.flatMap((address) => sink.messagesTo(address));
const subjectsOf = (addresses: string[]) => received(addresses).map((m) => m.parsed.subject);
const countBy = <T,>(values: T[]) => values.reduce((out, v) => out.set(v, (out.get(v) ?? 0) + 1), new Map<T, number>());

const variantsOf = async (campaignId: string) => {
  const rows = await db.execute<{ variant: number; recipients: number; messages: number; address: string | null }>(sql`
    select r.variant::int as variant, count(*)::int as recipients, count(m.id)::int as messages
    from campaign_recipients r left join messages m on m.id = r.message_id and m.variant = r.variant
    where r.campaign_id = ${campaignId} group by r.variant order by r.variant`);
  return Object.fromEntries(rows.map((r) => [r.variant, { recipients: r.recipients, messages: r.messages }]));
};

const addressesOfVariant = async (campaignId: string, variant: number) =>
  (await db.execute<{ address: string }>(sql`select address from campaign_recipients where campaign_id = ${campaignId} and variant = ${variant} order by address`)).map(
    (r) => r.address,
  );

const messageIdsOfVariant = async (campaignId: string, variant: number) =>
  (await db.execute<{ id: string }>(sql`select id from messages where campaign_id = ${campaignId} and variant = ${variant} order by id`)).map((r) => r.id);

const SUBJECT_A = "Spring is here, {{ contact.first_name | default: 'friend' }}";
const SUBJECT_B = "Our spring sale starts now";

describe("A/B tests", () => {
  it("sends the test's share split evenly with each variant's subject, lets the most-opened variant win, then sends the rest the winner once", () =>
    withSystemMailQueue(async () => {
      const ws = await createSendableWorkspace({ size: 300 });
      const caller = callerFor(ws.owner, ws.workspaceId);
      const campaign = ownCampaign(await caller.campaigns.create({
        name: "Spring test",
        emailTemplateId: ws.templateId,
        audience: { listIds: [ws.listId] },
        abTest: { field: "subject", variants: [{ subject: SUBJECT_A }, { subject: SUBJECT_B }], samplePercent: 20, winnerBy: "opens", decideAfterMinutes: 120 },
      }));
      const launchedAt = Date.now();
      await caller.campaigns.launch({ campaignId: campaign.id });
      await sendTheTest(campaign.id);

      // 20% of 300 = 60 in the test, 30 per variant; nobody else has been sent anything yet.
      expect(await variantsOf(campaign.id)).toEqual({ 0: { recipients: 240, messages: 0 }, 1: { recipients: 30, messages: 30 }, 2: { recipients: 30, messages: 30 } });
      expect(received(ws.sendable)).toHaveLength(60);
      expect(subjectsOf(await addressesOfVariant(campaign.id, 1))).toEqual(Array(30).fill("Spring is here, friend"));
      expect(subjectsOf(await addressesOfVariant(campaign.id, 2))).toEqual(Array(30).fill(SUBJECT_B));
      const waiting = await caller.campaigns.get({ campaignId: campaign.id });
      expect(waiting).toMatchObject({ status: "sending", abWinner: null });
      const decideAt = new Date(waiting.abDecideAt!).getTime();
      expect(decideAt).toBeGreaterThanOrEqual(launchedAt + 120 * 60_000);
      expect(decideAt).toBeLessThan(Date.now() + 120 * 60_000);

      // Opens come in through the tracking domain's event writer: 6 people open B (one of them twice), 2 open A.
      const [a, b] = [await messageIdsOfVariant(campaign.id, 1), await messageIdsOfVariant(campaign.id, 2)];
      for (const messageId of [...b.slice(0, 6), b[0]!, ...a.slice(0, 2)]) bufferMessageEvent({ messageId, kind: "opened", occurredAt: new Date() });
      await flushNow();
      const midway = await caller.campaigns.report({ campaignId: campaign.id });
      expect(midway.abTest).toMatchObject({
        field: "subject",
        winner: null,
        variants: [
          { variant: 1, label: SUBJECT_A, sent: 30, uniqueOpens: 2, openRate: 2 / 30 },
          { variant: 2, label: SUBJECT_B, sent: 30, uniqueOpens: 6, openRate: 6 / 30 },
        ],
        rest: { sent: 0 },
      });

      expect(await runUntil(campaign.id, ["sent"])).toBe("sent");
      expect(await statusOf(campaign.id)).toMatchObject({ abWinner: 2, abDecidedAt: expect.any(Date) });
      const rest = await addressesOfVariant(campaign.id, 0);
      expect(subjectsOf(rest)).toEqual(Array(240).fill(SUBJECT_B));
      expect(ws.sendable.map((address) => sink.messagesTo(address).length).every((n) => n === 1)).toBe(true);
      expect(await variantsOf(campaign.id)).toEqual({ 0: { recipients: 240, messages: 240 }, 1: { recipients: 30, messages: 30 }, 2: { recipients: 30, messages: 30 } });
      const restToken = /\/c\/([\w-]+)\/0"/.exec(received(rest.slice(0, 1))[0]!.parsed.html as string)![1]!;
      expect(await renderBrowserView({ token: restToken, appUrl: "http://herald.test" })).toMatchObject({ subject: SUBJECT_B });
      const report = await caller.campaigns.report({ campaignId: campaign.id });
      expect(report.abTest).toMatchObject({ winner: 2, decideAt: null, rest: { variant: 0, label: SUBJECT_B, sent: 240 } });
      expect(report.funnel.sent).toBe(300);
    }));

  it("sends each variant its own template in a content test, and cancelling during the wait sends nothing more", () =>
    withSystemMailQueue(async () => {
      const ws = await createSendableWorkspace({ size: 100 });
      const caller = callerFor(ws.owner, ws.workspaceId);
      const [other] = await db
        .insert(emailTemplates)
        .values({
          workspaceId: ws.workspaceId,
          name: "Bold design",
          subject: "Bold news",
          editor: "code",
          sourceFormat: "mjml",
          source: BLANK_MJML.replace("Write your message here.", 'The bold version. <a href="https://example.com/bold">Bold</a>'),
          sendingIdentityId: ws.identityId,
        })
        .returning();
      const campaign = ownCampaign(await caller.campaigns.create({
        name: "Design test",
        audience: { listIds: [ws.listId] },
        abTest: { field: "content", variants: [{ emailTemplateId: ws.templateId }, { emailTemplateId: other!.id }], samplePercent: 10, winnerBy: "clicks", decideAfterMinutes: 60 },
      }));
      await caller.campaigns.launch({ campaignId: campaign.id });
      await sendTheTest(campaign.id);

      expect(await variantsOf(campaign.id)).toEqual({ 0: { recipients: 90, messages: 0 }, 1: { recipients: 5, messages: 5 }, 2: { recipients: 5, messages: 5 } });
      const [first, second] = [received(await addressesOfVariant(campaign.id, 1)), received(await addressesOfVariant(campaign.id, 2))];
      expect(first.map((m) => m.parsed.subject)).toEqual(Array(5).fill("Hello friend"));
      expect(first.every((m) => m.parsed.html && m.parsed.html.includes("News for"))).toBe(true);
      expect(second.map((m) => m.parsed.subject)).toEqual(Array(5).fill("Bold news"));
      expect(second.every((m) => m.parsed.html && m.parsed.html.includes("The bold version"))).toBe(true);

      // A variant's click links and view-in-browser page are its own template's, not the campaign's.
      const clickLink = /href="[^"]*\/c\/([\w-]+)\/(\d+)"/.exec(second[0]!.parsed.html as string)!;
      const click = await resolveClick({ token: clickLink[1]!, index: clickLink[2]!, u: null, s: null });
      expect(click).toMatchObject({ url: "https://example.com/bold" });
      // The report's top links name the variant whose email the link was in.
      bufferMessageEvent({ messageId: click!.messageId, kind: "clicked", occurredAt: new Date(), link: { index: click!.index, url: click!.url } });
      await flushNow();
      expect((await caller.campaigns.report({ campaignId: campaign.id })).links).toEqual([
        { variant: "B", linkIndex: click!.index, url: "https://example.com/bold", clicks: 1, uniqueClicks: 1 },
      ]);
      expect(await renderBrowserView({ token: clickLink[1]!, appUrl: "http://herald.test" })).toMatchObject({ subject: "Bold news", html: expect.stringContaining("The bold version") });

      await caller.campaigns.cancel({ campaignId: campaign.id });
      expect(await runUntil(campaign.id, ["cancelled"])).toBe("cancelled");
      await bringForward(["delivery/send-batch", "delivery/decide-ab-winner", "delivery/cancel-cleanup"]);
      await runJobs();
      expect(received(ws.sendable)).toHaveLength(10);
      expect((await statusOf(campaign.id)).abWinner).toBeNull();
      const [skipped] = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from campaign_recipients where campaign_id = ${campaign.id} and variant = 0 and state = 'skipped' and reason = 'cancelled'`);
      expect(skipped!.n).toBe(90);
    }));

  it("waits while paused (the decision does not fire), and 'send winner now' sends the chosen variant to the rest once", () =>
    withSystemMailQueue(async () => {
      const ws = await createSendableWorkspace({ size: 60 });
      const caller = callerFor(ws.owner, ws.workspaceId);
      const campaign = ownCampaign(await caller.campaigns.create({
        name: "Paused test",
        emailTemplateId: ws.templateId,
        audience: { listIds: [ws.listId] },
        abTest: { field: "subject", variants: [{ subject: SUBJECT_A }, { subject: SUBJECT_B }, { subject: "Third try" }], samplePercent: 50, winnerBy: "opens", decideAfterMinutes: 30 },
      }));
      await caller.campaigns.launch({ campaignId: campaign.id });
      await sendTheTest(campaign.id);
      expect(await variantsOf(campaign.id)).toEqual({
        0: { recipients: 30, messages: 0 },
        1: { recipients: 10, messages: 10 },
        2: { recipients: 10, messages: 10 },
        3: { recipients: 10, messages: 10 },
      });

      await caller.campaigns.pause({ campaignId: campaign.id });
      await bringForward(["delivery/decide-ab-winner"]);
      await runJobs();
      expect(await statusOf(campaign.id)).toMatchObject({ status: "paused", abWinner: null });
      expect(received(ws.sendable)).toHaveLength(30);

      // Resume schedules the decision again (it came due while paused) and sends nothing to the rest before it.
      await caller.campaigns.resume({ campaignId: campaign.id });
      await bringForward(["delivery/send-batch"]);
      await runJobs();
      expect(received(ws.sendable)).toHaveLength(30);
      expect((await caller.campaigns.get({ campaignId: campaign.id })).abWinner).toBeNull();
      await caller.campaigns.sendWinner({ campaignId: campaign.id, variant: 3 });
      await expect(caller.campaigns.sendWinner({ campaignId: campaign.id })).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await runUntil(campaign.id, ["sent"])).toBe("sent");
      expect(await statusOf(campaign.id)).toMatchObject({ abWinner: 3 });
      expect(subjectsOf(await addressesOfVariant(campaign.id, 0))).toEqual(Array(30).fill("Third try"));
      expect(ws.sendable.map((address) => sink.messagesTo(address).length).every((n) => n === 1)).toBe(true);
    }));

  it("refuses a test that cannot run, naming each field", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const base = { field: "subject" as const, variants: [{ subject: "A" }, { subject: "B" }], samplePercent: 10, winnerBy: "opens" as const, decideAfterMinutes: 60 };
    const fieldErrorsOf = async (abTest: unknown, extra: Record<string, unknown> = {}) => {
      const error = await caller.campaigns.create({ name: "x", ...extra, abTest: abTest as typeof base }).then(
        () => null,
        (e: { cause?: { fieldErrors?: Record<string, string[]> } }) => e,
      );
      return error?.cause?.fieldErrors;
    };

    expect(await fieldErrorsOf({ ...base, variants: [{ subject: "A" }, { subject: " " }] })).toEqual({ "abTest.variants[1].subject": ["Write this variant's subject"] });
    expect(await fieldErrorsOf({ ...base, variants: [{ subject: "A" }] })).toEqual({ "abTest.variants": ["Add at least 2 variants"] });
    expect(await fieldErrorsOf({ ...base, samplePercent: 70, decideAfterMinutes: 0, winnerBy: "replies" })).toEqual({
      "abTest.samplePercent": [expect.stringContaining("at most 50%")],
      "abTest.decideAfterMinutes": [expect.stringContaining("at least a minute")],
      "abTest.winnerBy": ["Pick the winner by opens or clicks"],
    });
    expect(await fieldErrorsOf({ ...base, variants: [{ subject: "A" }, { subject: "Hi {{ contact.first_name | shout }}" }] })).toEqual({
      "abTest.variants[1].subject": [expect.stringContaining("Liquid")],
    });
    expect(
      await fieldErrorsOf({ ...base, field: "content", variants: [{ emailTemplateId: ws.templateId }, { emailTemplateId: crypto.randomUUID() }, {}] }),
    ).toEqual({ "abTest.variants[2].emailTemplateId": ["Choose an email template for this variant"] });
    expect(await fieldErrorsOf({ ...base, field: "content", variants: [{ emailTemplateId: ws.templateId }, { emailTemplateId: crypto.randomUUID() }] })).toEqual({
      "abTest.variants[1].emailTemplateId": ["That email template does not exist in this workspace"],
    });
    expect(await fieldErrorsOf(base, { channels: ["sms"] })).toEqual({ abTest: [expect.stringContaining("email campaigns only")] });

    // A draft with a test cannot take SMS on later either.
    const draft = await caller.campaigns.create({ name: "Tested", abTest: base });
    expect(draft.abTest).toEqual(base);
    await expect(caller.campaigns.update({ campaignId: draft.id, channels: ["email", "sms"] })).rejects.toMatchObject({
      cause: { fieldErrors: { abTest: [expect.stringContaining("email campaigns only")] } },
    });
    expect((await caller.campaigns.update({ campaignId: draft.id, abTest: null })).abTest).toBeNull();
  });
});
