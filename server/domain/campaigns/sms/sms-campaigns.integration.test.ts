import { eq, sql } from "drizzle-orm";
import { Logger, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, creditBalances, emailTemplates, sendingIdentities, smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { countSms } from "@/server/domain/content/sms/sms-encoding";
import { BLANK_MJML } from "@/server/domain/content/templates/default-sources";
import { closeSmsTransports } from "@/server/domain/delivery/sms/sms-transports";
import { closeTransports } from "@/server/domain/delivery/transports/smarthosts";
import { env } from "@/server/env";
import { callerFor } from "@/server/testing/fixtures";
import { startSmppPeer, type SmppPeer } from "@/server/testing/smpp-peer";
import { startSmtpSink, type SmtpSink } from "@/server/testing/smtp-sink";
import { withSystemMailQueue } from "@/server/testing/system-mail";
import { taskList } from "@/worker/task-list";
import { createSmsWorkspace, type SmsTestContact } from "./sms-campaign-fixtures";

process.env.HERALD_ALLOW_PRIVATE_URLS = "1";

let peer: SmppPeer;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.DELIVERY_SMTP_URL = sink.url;
  expect(env().DELIVERY_SMTP_URL).toBe(sink.url);
  peer = await startSmppPeer();
});
afterAll(async () => {
  await closeSmsTransports();
  closeTransports();
  await peer.close();
  await sink.close();
});

const silent = new Logger(() => () => {});

/** The real worker tasks, in this process, until the campaign settles (retries are brought forward, not waited for). */
const runUntilSettled = async (campaignId: string) => {
  for (let round = 0; round < 30; round++) {
    await withSystemMailQueue(() => runOnce({ connectionString: env().DATABASE_URL, taskList, logger: silent, noHandleSignals: true, concurrency: 4 }));
    const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
    if (["sent", "paused", "cancelled", "failed"].includes(row!.status)) return row!.status;
    await db.execute(sql`update graphile_worker._private_jobs set run_at = now() where run_at > now() and task_id in
      (select id from graphile_worker._private_tasks where identifier like 'delivery/%')`);
  }
  throw new Error("the campaign did not settle");
};

const waitFor = async (check: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const hk = (i: number) => `+852${91000000 + i}`;
const expectedText = (i: number, promo: string) => `Hi P${i}! ${promo}\nSTOP to opt out`;
const balanceOf = async (workspaceId: string) => (await db.select().from(creditBalances).where(eq(creditBalances.workspaceId, workspaceId)))[0]!.balance;

describe("SMS campaigns through a real SMPP peer", () => {
  it("skips the unsubscribed, Do-Not-Call, suppressed and unroutable, sends the rest once (long ones in parts) through throttling, charges segments × price and records receipts", async () => {
    const long = "Our biggest sale of the year starts today: everything in store is half price until Sunday, and members get free delivery on every order over 200 dollars.";
    const people: (SmsTestContact & { expect: "sent" | string })[] = [
      ...Array.from({ length: 30 }, (_, i) => ({ phone: hk(i), country: "HK", promo: i % 3 === 0 ? long : "Sale today", expect: "sent" })),
      ...Array.from({ length: 4 }, (_, i) => ({ phone: hk(100 + i), country: "HK", promo: "今日全場半價，會員免運費。".repeat(i % 2 === 0 ? 1 : 6), expect: "sent" })),
      ...Array.from({ length: 4 }, (_, i) => ({ phone: `+853${62000000 + i}`, country: "MO", expect: "sent" })),
      ...Array.from({ length: 3 }, (_, i) => ({ phone: hk(200 + i), country: "HK", smsStatus: "unsubscribed" as const, expect: "unsubscribed" })),
      ...Array.from({ length: 2 }, (_, i) => ({ phone: hk(300 + i), country: "HK", smsStatus: "pending" as const, expect: "not_subscribed" })),
      ...Array.from({ length: 3 }, (_, i) => ({ phone: hk(400 + i), country: "HK", dnc: true, expect: "dnc" })),
      ...Array.from({ length: 3 }, (_, i) => ({ phone: hk(500 + i), country: "HK", suppressed: true, expect: "phone_suppressed" })),
      ...Array.from({ length: 2 }, (_, i) => ({ phone: `+886${912000000 + i}`, country: "TW", expect: "no SMS route for TW" })),
    ];
    const price = 0.05;
    const ws = await createSmsWorkspace({ peer, price, people });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const before = await balanceOf(ws.workspaceId);

    // The SMSC throttles the first 25 submits: some messages wait on the bind, some go back to the batch's retry.
    peer.refuseWhen((n) => (n <= 25 ? 0x58 : null));
    const campaign = await caller.campaigns.create({ name: "Texts", channels: ["sms"], smsTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    expect((await caller.campaigns.launch({ campaignId: campaign.id })).status).toBe("sending");
    expect(await runUntilSettled(campaign.id)).toBe("sent");
    expect(peer.refusals.length).toBe(25);

    const sendable = people.map((p, i) => ({ ...p, i })).filter((p) => p.expect === "sent");
    const received = peer.messages();
    const byNumber = new Map(received.map((m) => [`+${m.to}`, m]));
    expect(received.map((m) => `+${m.to}`).sort()).toEqual(sendable.map((p) => p.phone).sort()); // each once, nobody else
    let segments = 0;
    for (const person of sendable) {
      const text = expectedText(person.i, person.promo ?? "Sale today");
      const count = countSms(text);
      segments += count.segments;
      expect(byNumber.get(person.phone), person.phone).toMatchObject({ text, parts: count.segments, dataCoding: count.encoding === "gsm7" ? 0 : 8, from: "TextsCo" });
    }
    expect(segments).toBeGreaterThan(sendable.length); // some went as concatenated parts
    expect(peer.submits).toHaveLength(segments); // and no part was submitted twice

    const skipped = await db.execute<{ address: string; reason: string }>(sql`
      select address, reason from campaign_recipients where campaign_id = ${campaign.id} and state = 'skipped' order by address`);
    expect(Object.fromEntries(skipped.map((r) => [r.address, r.reason]))).toEqual(
      Object.fromEntries(people.filter((p) => p.expect !== "sent").map((p) => [p.phone, p.expect])),
    );
    const got = await caller.campaigns.get({ campaignId: campaign.id });
    expect(got.progress.byChannel.sms).toEqual({ recipients: people.length, skipped: people.length - sendable.length, charged: sendable.length, sent: sendable.length, failed: 0 });

    const charged = Math.round(segments * price * 10_000) / 10_000;
    expect(await balanceOf(ws.workspaceId)).toBeCloseTo(before - charged, 4);
    const [ledger] = await db.execute<{ debits: string; channel: string }>(sql`
      select -sum(amount) as debits, min(channel::text) as channel from credit_ledger where campaign_id = ${campaign.id} and kind = 'debit'`);
    expect(Number(ledger!.debits)).toBeCloseTo(charged, 4);
    expect(ledger!.channel).toBe("sms");

    const logged = await db.execute<{ address: string; external_id: string; cost: string }>(sql`
      select address, external_id, cost from messages where campaign_id = ${campaign.id} and channel = 'sms'`);
    expect(logged).toHaveLength(sendable.length);
    for (const row of logged) {
      expect(row.external_id).toBe(byNumber.get(row.address)!.providerIds[0]);
      expect(Number(row.cost)).toBeCloseTo(byNumber.get(row.address)!.parts * price, 4);
    }

    // Receipts for every message, one of them a failure, and one sent twice by the SMSC.
    const firstParts = received.map((m) => m.providerIds[0]!);
    await peer.sendReceipts(firstParts.slice(1));
    await peer.sendReceipts(firstParts.slice(0, 1), "UNDELIV");
    await peer.sendReceipts(firstParts.slice(1, 2));
    const outcomes = async () =>
      (
        await db.execute<{ delivered: number; failed: number }>(sql`
          select coalesce(sum(total) filter (where kind = 'delivered'), 0)::int as delivered, coalesce(sum(total) filter (where kind = 'failed'), 0)::int as failed
          from campaign_stats_hourly where campaign_id = ${campaign.id}`)
      )[0]!;
    await waitFor(async () => (await outcomes()).delivered + (await outcomes()).failed >= sendable.length, "the receipts to be recorded");
    await new Promise((resolve) => setTimeout(resolve, 500)); // the repeated receipt has had its chance to count twice
    expect(await outcomes()).toEqual({ delivered: sendable.length - 1, failed: 1 });
    const report = await caller.campaigns.report({ campaignId: campaign.id });
    expect(report.funnel).toMatchObject({ sent: sendable.length, delivered: sendable.length - 1, failed: 1 });
  }, 120_000);

  it("a campaign on both channels sends each contact one email and one SMS, each from its own template, under the route's throttle", async () => {
    const people = Array.from({ length: 6 }, (_, i) => ({ phone: hk(600 + i), country: "HK", email: `both${i}-${Date.now()}@example.com` }));
    const ws = await createSmsWorkspace({ peer, price: 0.1, people });
    await db.update(smsRoutes).set({ throttlePerSecond: 2 }).where(eq(smsRoutes.id, ws.routeId));
    const caller = callerFor(ws.owner, ws.workspaceId);
    const [identity] = await db.insert(sendingIdentities).values({ workspaceId: ws.workspaceId, fromName: "Texts Co", fromEmail: "news@texts.example" }).returning();
    const [emailTemplate] = await db
      .insert(emailTemplates)
      .values({ workspaceId: ws.workspaceId, name: "Mail", subject: "Hello", editor: "code", sourceFormat: "mjml", source: BLANK_MJML, sendingIdentityId: identity!.id })
      .returning();
    const submitsBefore = peer.submits.length;
    const campaign = await caller.campaigns.create({
      name: "Both",
      channels: ["email", "sms"],
      emailTemplateId: emailTemplate!.id,
      smsTemplateId: ws.templateId,
      audience: { listIds: [ws.listId] },
    });
    await caller.campaigns.launch({ campaignId: campaign.id });
    expect(await runUntilSettled(campaign.id)).toBe("sent");
    for (const person of people) expect(sink.messagesTo(person.email)).toHaveLength(1);
    const texts = peer.submits.slice(submitsBefore);
    expect(texts.map((s) => `+${s.to}`).sort()).toEqual(people.map((p) => p.phone).sort());
    const got = await caller.campaigns.get({ campaignId: campaign.id });
    expect(got.progress.byChannel).toEqual({
      email: { recipients: 6, skipped: 0, charged: 6, sent: 6, failed: 0 },
      sms: { recipients: 6, skipped: 0, charged: 6, sent: 6, failed: 0 },
    });
    // The route's limit is kept in the shared per-second windows: never more than 2 parts in one.
    const windows = await db.execute<{ count: number }>(sql`select count from rate_limit_windows where key = ${`sms-route:${ws.routeId}`}`);
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBe(6);
    expect(Math.max(...windows.map((w) => w.count))).toBeLessThanOrEqual(2);
  });

  it("refuses to launch SMS without a template or without a route that can send, naming the field", async () => {
    const ws = await createSmsWorkspace({ peer, price: 0.05, people: [{ phone: hk(700), country: "HK" }] });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const noTemplate = await caller.campaigns.create({ name: "x", channels: ["sms"], audience: { listIds: [ws.listId] } });
    await expect(caller.campaigns.launch({ campaignId: noTemplate.id })).rejects.toMatchObject({ cause: { fieldErrors: { smsTemplateId: ["Choose an SMS template"] } } });
    await db.update(smsRoutes).set({ provider: null }).where(eq(smsRoutes.workspaceId, ws.workspaceId));
    const noRoute = await caller.campaigns.create({ name: "y", channels: ["sms"], smsTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
    await expect(caller.campaigns.launch({ campaignId: noRoute.id })).rejects.toMatchObject({ cause: { fieldErrors: { channels: [expect.stringContaining("No SMS route can send")] } } });
    expect((await caller.campaigns.get({ campaignId: noRoute.id })).status).toBe("draft");
  });
});
