import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, emailTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import { saveMessagingPolicy } from "@/server/domain/messaging-policy/save-messaging-policy";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { useDeliverySink } from "@/server/testing/delivery-sink";
import { unsubscribeRecipient } from "@/server/domain/tracking/change-subscription";
import { renderBrowserView } from "@/server/domain/tracking/render-browser-view";
import { resolveClick } from "@/server/domain/tracking/resolve-click";
import { seedJourneyRuns, stepInput, stepItems } from "../../sends/journey-send-fixtures";
import type { StepOutcome } from "../step-types";
import { sendEmailExecutor } from "./send-email";

const contextOf = (outcome: StepOutcome) => ("context" in outcome ? outcome.context : undefined);

const sink = useDeliverySink();

const sendNode = (templateId: string, id = "send-1"): JourneyNodeOf<"send_email"> => ({
  id,
  type: "send_email",
  position: { x: 0, y: 0 },
  config: { templateId, sendingIdentityId: null },
});

const spentCredits = async (workspaceId: string) => {
  const [row] = await db.execute<{ spent: string | null }>(sql`select -sum(amount) as spent from credit_ledger where workspace_id = ${workspaceId} and kind in ('debit', 'refund')`);
  return Number(row?.spent ?? 0);
};

describe("send_email executor", () => {
  it("sends once per (run, node, step) even when the batch runs twice, charges once, logs journey messages and sent events", async () => {
    const ws = await createSendableWorkspace({ size: 3 });
    await db
      .update(emailTemplates)
      .set({ subject: "{{ journey.name }} for {{ contact.email }}: cart {{ event.cart_id }}" })
      .where(eq(emailTemplates.id, ws.templateId));
    const ids = (await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId))).map((c) => c.id);
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: ids, nodeId: "send-1", name: "Abandoned cart", context: { cart_id: "C-42", _herald: { entered: "x" } } });
    const items = await stepItems(states);
    const before = await spentCredits(ws.workspaceId);

    const first = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), items));
    expect([...first.values()].map((o) => [o.kind, o.outcome])).toEqual(items.map(() => ["next", "sent"]));
    // The runtime lost the outcomes (a crash) and runs the same step again: nothing is sent twice.
    const again = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), items));
    expect([...again.values()].map((o) => o.outcome)).toEqual(["sent", "sent", "sent"]);
    for (const address of ws.sendable) expect(sink.messagesTo(address), address).toHaveLength(1);

    const mail = sink.messagesTo(ws.sendable[0]!)[0]!;
    expect(mail.parsed.subject).toBe(`Abandoned cart for ${ws.sendable[0]}: cart C-42`);
    expect(mail.mailFrom).toMatch(/^bounce\+[A-Za-z0-9_-]+@sender\.example$/);
    expect(String(mail.raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(String(mail.raw)).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3999\/api\/u\/[A-Za-z0-9_-]+>/m);
    expect(String(mail.raw)).toMatch(/http:\/\/localhost:3999\/c\/[A-Za-z0-9_-]+\/0\?u=/);

    expect(await spentCredits(ws.workspaceId)).toBe(before + 3);
    const logged = await db.execute<{ kind: string; campaign_id: string | null; external_id: string; sent: number }>(sql`
      select m.kind, m.campaign_id, m.external_id,
        (select count(*)::int from message_events e where e.message_id = m.id and e.kind = 'sent') as sent
      from messages m where m.workspace_id = ${ws.workspaceId}`);
    expect(logged).toHaveLength(3);
    for (const row of logged) expect(row).toMatchObject({ kind: "journey", campaign_id: null, sent: 1 });
    expect(logged.map((row) => `<${row.external_id}>`)).toContain(mail.parsed.messageId);
    const sends = await db.execute<{ state: string }>(sql`select state from journey_sends where workspace_id = ${ws.workspaceId}`);
    expect(sends.map((s) => s.state)).toEqual(["sent", "sent", "sent"]);
  });

  it("view in browser shows the recipient their journey email, with the run's event data, and tracked links", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    await db.update(emailTemplates).set({ subject: "{{ journey.name }}: cart {{ event.cart_id }}" }).where(eq(emailTemplates.id, ws.templateId));
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const node = sendNode(ws.templateId);
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: node.id, name: "Cart", context: { cart_id: "C-7" }, nodes: [node] });
    await sendEmailExecutor(stepInput(journey, node, await stepItems(states)));
    const raw = String(sink.messagesTo(ws.sendable[0]!)[0]!.raw);
    const token = /^List-Unsubscribe: <http:\/\/localhost:3999\/api\/u\/([A-Za-z0-9_-]+)>/m.exec(raw)![1]!;

    const view = await renderBrowserView({ token, appUrl: "http://herald.test" });
    expect(view).toMatchObject({ subject: "Cart: cart C-7" });
    expect(view!.html).toMatch(new RegExp(`http://herald\\.test/c/${token}/0\\?u=`));
    expect(view!.html).not.toContain("/o/"); // viewing is not an open
    expect(await renderBrowserView({ token: token.slice(0, -2) + "xx", appUrl: "http://herald.test" })).toBeNull();
  });

  it("the message's one-click unsubscribe and tracked links work without a campaign; the next step then skips the contact", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "send-1" });
    await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), await stepItems(states)));
    const raw = String(sink.messagesTo(ws.sendable[0]!)[0]!.raw);
    const click = /http:\/\/localhost:3999\/c\/([A-Za-z0-9_-]+)\/(\d+)\?u=([A-Za-z0-9_-]+)&(?:amp;)?s=([A-Za-z0-9_-]+)/.exec(raw.replace(/=\r?\n/g, "").replace(/=3D/g, "="))!;
    expect(await resolveClick({ token: click[1]!, index: click[2]!, u: click[3]!, s: click[4]! })).toMatchObject({ url: "https://example.com/read" });
    const token = /^List-Unsubscribe: <http:\/\/localhost:3999\/api\/u\/([A-Za-z0-9_-]+)>/m.exec(raw)![1]!;
    expect(await unsubscribeRecipient({ token, via: "one_click" })).toMatchObject({ changed: true });
    const later = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId, "send-2"), await stepItems(states, 3)));
    expect(later.get(states[0]!.id)).toMatchObject({ kind: "next", outcome: "skipped", detail: { code: "unsubscribed" } });
    expect(sink.messagesTo(ws.sendable[0]!)).toHaveLength(1);
  });

  it("skips unsubscribed, suppressed, hard-bounced and address-less contacts (following next), charging nothing for them", async () => {
    const ws = await createSendableWorkspace({ size: 3, suppressed: 1, unsubscribed: 1 });
    const extra = await insertTestContacts(ws.workspaceId, [
      { email: `bounced-${ws.workspaceId.slice(0, 8)}@example.com`, emailStatus: "bounced" },
      { phone: "+85291234567", emailStatus: null },
    ]);
    const ids = (await db.select({ id: contacts.id, email: contacts.email }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId)));
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: ids.map((c) => c.id), nodeId: "send-1" });
    const before = await spentCredits(ws.workspaceId);
    const outcomes = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), await stepItems(states)));
    const byEmail = new Map(states.map((s) => [ids.find((c) => c.id === s.contactId)!.email, outcomes.get(s.id)!]));
    expect(byEmail.get(ws.sendable[0]!)).toMatchObject({ kind: "next", handle: "next", outcome: "sent" });
    expect(byEmail.get(ws.suppressedAddresses[0]!)).toMatchObject({ kind: "next", handle: "next", outcome: "skipped", detail: { code: "email_suppressed" } });
    expect(byEmail.get(ws.unsubscribedAddresses[0]!)).toMatchObject({ outcome: "skipped", detail: { code: "unsubscribed" } });
    expect(byEmail.get(extra[0]!.email)).toMatchObject({ outcome: "skipped", detail: { code: "bounced" } });
    expect(byEmail.get(null)).toMatchObject({ outcome: "skipped", detail: { code: "no_email", reason: "no email address" } });
    expect(await spentCredits(ws.workspaceId)).toBe(before + 1);
    expect(sink.messagesTo(ws.suppressedAddresses[0]!)).toHaveLength(0);
    expect(sink.messagesTo(ws.unsubscribedAddresses[0]!)).toHaveLength(0);
  });

  it("a temporary refusal retries only the refused run with backoff; the retry resends the still-charged message with the same Message-ID, without charging again", async () => {
    const ws = await createSendableWorkspace({ size: 2 });
    const ids = (await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId))).map((c) => c.id);
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: ids, nodeId: "send-1" });
    const items = await stepItems(states);
    const before = await spentCredits(ws.workspaceId);
    let refused = 0;
    sink.refuseNext(() => refused++ === 0);
    const now = new Date("2026-06-15T10:00:00Z");
    const first = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), items, now));
    sink.refuseNext(() => false);
    const outcomes = [...first.values()];
    expect(outcomes.filter((o) => o.outcome === "sent")).toHaveLength(1);
    const retry = outcomes.find((o) => o.kind === "retry")!;
    expect(retry).toMatchObject({ kind: "retry", at: new Date("2026-06-15T10:01:00Z"), outcome: "retrying", detail: { attempts: 1 } });
    const [charged] = await db.execute<{ state_id: number; message_id: string }>(sql`select state_id, message_id from journey_sends where workspace_id = ${ws.workspaceId} and state = 'charged'`);
    const waiting = items.find((i) => i.stateId === Number(charged!.state_id))!;

    const second = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), [{ ...waiting, context: contextOf(retry)! }], new Date("2026-06-15T10:01:00Z")));
    expect(second.get(waiting.stateId)).toMatchObject({ kind: "next", outcome: "sent", detail: { messageId: charged!.message_id } });
    expect(contextOf(second.get(waiting.stateId)!)).toEqual({});
    for (const address of ws.sendable) expect(sink.messagesTo(address)).toHaveLength(1);
    const resent = ws.sendable.flatMap((address) => sink.messagesTo(address)).find((m) => m.parsed.messageId === `<${charged!.message_id}@sender.example>`);
    expect(resent).toBeDefined();
    expect(await spentCredits(ws.workspaceId)).toBe(before + 2);
  });

  it("a message still refused after the last retry is marked failed, refunded, and the run moves on", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "send-1" });
    const before = await spentCredits(ws.workspaceId);
    sink.refuseNext(() => true);
    try {
      let item = (await stepItems(states))[0]!;
      const waits: number[] = [];
      const now = new Date("2026-06-15T10:00:00Z");
      for (;;) {
        const outcome = (await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), [item], now))).get(item.stateId)!;
        if (outcome.kind !== "retry") {
          expect(outcome).toMatchObject({ kind: "next", handle: "next", outcome: "failed", detail: { reason: expect.stringContaining("still refused after 8 attempts") } });
          break;
        }
        waits.push((outcome.at.getTime() - now.getTime()) / 60_000);
        item = { ...item, context: contextOf(outcome)! };
      }
      expect(waits).toEqual([1, 5, 15, 60, 180, 360, 720]);
    } finally {
      sink.refuseNext(() => false);
    }
    expect(await spentCredits(ws.workspaceId)).toBe(before);
    const [events] = await db.execute<{ kinds: string[] }>(sql`select array_agg(kind::text) as kinds from message_events where workspace_id = ${ws.workspaceId}`);
    expect(events!.kinds).toEqual(["failed"]);
  });

  it("the frequency cap skips the (N+1)th marketing message of the day, across journeys", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    await saveMessagingPolicy({ workspaceId: ws.workspaceId, maxPerDay: 2, maxPerWeek: null, quietStart: null, quietEnd: null });
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const a = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "send-1", name: "A" });
    const b = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "send-1", name: "B" });
    const now = new Date();
    const run = async (seed: typeof a, stepNo: number) =>
      [...(await sendEmailExecutor(stepInput(seed.journey, sendNode(ws.templateId), await stepItems(seed.states, stepNo), now))).values()][0]!;
    expect(await run(a, 1)).toMatchObject({ outcome: "sent" });
    expect(await run(b, 1)).toMatchObject({ outcome: "sent" });
    expect(await run(a, 2)).toMatchObject({ kind: "next", handle: "next", outcome: "skipped", detail: { reason: "frequency cap" } });
    expect(sink.messagesTo(ws.sendable[0]!)).toHaveLength(2);
    // A journey that opts out of messaging limits (a receipt) still sends.
    const receipts = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "send-1", name: "Receipts", settings: { respectMessagingLimits: false } });
    expect(await run(receipts, 1)).toMatchObject({ outcome: "sent" });
  });

  it("quiet hours hold each contact until the end of the quiet period in their own timezone", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    await saveMessagingPolicy({ workspaceId: ws.workspaceId, maxPerDay: null, maxPerWeek: null, quietStart: "21:00", quietEnd: "08:00" });
    const tag = ws.workspaceId.slice(0, 8);
    const rows = await db
      .insert(contacts)
      .values([
        { workspaceId: ws.workspaceId, email: `hk-${tag}@example.com`, emailStatus: "subscribed", timezone: "Asia/Hong_Kong" },
        { workspaceId: ws.workspaceId, email: `ny-${tag}@example.com`, emailStatus: "subscribed", timezone: "America/New_York" },
        { workspaceId: ws.workspaceId, email: `akl-${tag}@example.com`, emailStatus: "subscribed", timezone: "Pacific/Auckland" },
      ])
      .returning({ id: contacts.id, email: contacts.email });
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: rows.map((r) => r.id), nodeId: "send-1" });
    const now = new Date("2026-06-15T13:30:00Z"); // 21:30 in Hong Kong, 09:30 in New York, 01:30 in Auckland
    const outcomes = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), await stepItems(states), now));
    const of = (prefix: string) => outcomes.get(states.find((s) => s.contactId === rows.find((r) => r.email!.startsWith(prefix))!.id)!.id);
    expect(of("hk-")).toMatchObject({ kind: "retry", at: new Date("2026-06-16T00:00:00Z"), outcome: "waiting", detail: { reason: "quiet hours" } });
    expect(of("akl-")).toMatchObject({ kind: "retry", at: new Date("2026-06-15T20:00:00Z") });
    expect(of("ny-")).toMatchObject({ kind: "next", outcome: "sent" });
    expect(sink.messagesTo(`hk-${tag}@example.com`)).toHaveLength(0);
    const [held] = await db.execute<{ n: number }>(sql`select count(*)::int as n from journey_sends where workspace_id = ${ws.workspaceId}`);
    expect(held!.n).toBe(1);
  });

  it("a step without a usable template fails every run through it and moves them on, sending nothing", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "send-1" });
    await db.update(emailTemplates).set({ archivedAt: new Date() }).where(eq(emailTemplates.id, ws.templateId));
    const outcomes = await sendEmailExecutor(stepInput(journey, sendNode(ws.templateId), await stepItems(states)));
    expect(outcomes.get(states[0]!.id)).toMatchObject({ kind: "next", handle: "next", outcome: "failed", detail: { reason: "the template was deleted or archived" } });
  });
});
