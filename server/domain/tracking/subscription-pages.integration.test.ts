import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { changePreferencesAction } from "@/app/(public)/p/[token]/actions";
import { unsubscribeAction } from "@/app/(public)/u/[token]/actions";
import { GET as oneClickGet, POST as oneClick } from "@/app/api/u/[token]/route";
import { campaignStatsHourly, consentEvents, contacts, listMemberships, messageEvents } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { findSubscriber, loadPreferences } from "./find-subscriber";
import { messageToken } from "./message-token";
import { seedCampaign, seedContact, seedListMembership, seedMessage } from "./tracking-fixtures";

const APP = "http://localhost:3999";

const postOneClick = (token: string) =>
  oneClick(
    new Request(`${APP}/api/u/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
    { params: Promise.resolve({ token }) },
  );

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

let workspaceId: string;
let campaignId: string;
let contact: Awaited<ReturnType<typeof seedContact>>;
let message: { messageId: string; token: string };

beforeEach(async () => {
  workspaceId = (await createTestWorkspace()).workspace.id;
  ({ campaignId } = await seedCampaign({ workspaceId }));
  contact = await seedContact(workspaceId, { email: "alex.chan@example.com" });
  message = await seedMessage({ workspaceId, campaignId, contactId: contact.id, address: contact.email! });
});

const emailStatus = async (contactId = contact.id) =>
  (await db.select({ status: contacts.emailStatus }).from(contacts).where(eq(contacts.id, contactId)))[0]!.status;
const unsubscribedEvents = () => db.select({ data: messageEvents.data }).from(messageEvents).where(and(eq(messageEvents.messageId, message.messageId), eq(messageEvents.kind, "unsubscribed")));
const unsubscribedRollup = async () =>
  (await db.select().from(campaignStatsHourly).where(and(eq(campaignStatsHourly.campaignId, campaignId), eq(campaignStatsHourly.kind, "unsubscribed")))).reduce((n, row) => n + row.total, 0);

describe("POST /api/u/<token> (RFC 8058 one-click)", () => {
  it("unsubscribes without any session, records the consent change and one event, and stays 200 on retries", async () => {
    const response = await postOneClick(message.token);
    expect(response.status).toBe(200);
    expect(await emailStatus()).toBe("unsubscribed");
    const history = await db.select().from(consentEvents).where(eq(consentEvents.contactId, contact.id));
    expect(history).toMatchObject([{ channel: "email", status: "unsubscribed", source: "unsubscribe_link" }]);
    expect(await unsubscribedEvents()).toEqual([{ data: { via: "one_click" } }]);
    expect(await unsubscribedRollup()).toBe(1);

    expect((await postOneClick(message.token)).status).toBe(200);
    expect(await unsubscribedEvents()).toHaveLength(1);
    expect(await unsubscribedRollup()).toBe(1);
  });

  it("never unsubscribes on GET (it leads to the page that asks), and answers 404 for forged tokens and 200 for test-message stand-ins", async () => {
    const get = await oneClickGet(new Request(`http://localhost/api/u/${message.token}`), { params: Promise.resolve({ token: message.token }) });
    expect(get.status).toBe(303);
    expect(new URL(get.headers.get("location")!).pathname).toBe(`/u/${message.token}`);
    expect(await emailStatus()).toBe("subscribed");

    expect((await postOneClick(messageToken(randomUUID()))).status).toBe(404);
    expect((await postOneClick(`${message.token.slice(0, -1)}${message.token.endsWith("A") ? "B" : "A"}`)).status).toBe(404);
    expect((await postOneClick("preview0000000000000000000000")).status).toBe(200);
    expect(await emailStatus()).toBe("subscribed");
  });
});

describe("/u/<token> page", () => {
  it("shows the masked address and workspace before anything changes, and unsubscribes on the form's POST", async () => {
    const subscriber = await findSubscriber(message.token);
    expect(subscriber).toMatchObject({ maskedAddress: "al•••@example.com", consent: "subscribed", contactId: contact.id });
    expect(await emailStatus()).toBe("subscribed");

    expect(await unsubscribeAction(null, form({ token: message.token }))).toEqual({ status: "unsubscribed" });
    expect(await emailStatus()).toBe("unsubscribed");
    expect(await unsubscribedEvents()).toEqual([{ data: { via: "page" } }]);
    expect(await unsubscribeAction(null, form({ token: "nope" }))).toEqual({ status: "invalid" });
  });

  it("leaves a bounced address bounced", async () => {
    await db.update(contacts).set({ emailStatus: "bounced" }).where(eq(contacts.id, contact.id));
    expect(await unsubscribeAction(null, form({ token: message.token }))).toEqual({ status: "unsubscribed" });
    expect(await emailStatus()).toBe("bounced");
    expect(await unsubscribedEvents()).toEqual([]);
  });
});

describe("/p/<token> preferences", () => {
  it("lists the contact's lists and toggles them one by one", async () => {
    const news = await seedListMembership(workspaceId, contact.id, "Newsletter");
    const offers = await seedListMembership(workspaceId, contact.id, "Offers", "unsubscribed");
    const view = await loadPreferences(message.token);
    expect(view).toMatchObject({
      maskedAddress: "al•••@example.com",
      consent: "subscribed",
      lists: [
        { id: news, name: "Newsletter", subscribed: true },
        { id: offers, name: "Offers", subscribed: false },
      ],
    });

    const left = await changePreferencesAction({ view }, form({ intent: "list", token: message.token, listId: news, subscribed: "false" }));
    expect(left.notice).toBe("Unsubscribed from the list.");
    expect(left.view!.lists.map((l) => l.subscribed)).toEqual([false, false]);
    const joined = await changePreferencesAction(left, form({ intent: "list", token: message.token, listId: offers, subscribed: "true" }));
    expect(joined.view!.lists.map((l) => l.subscribed)).toEqual([false, true]);
    expect(await emailStatus()).toBe("subscribed");
  });

  it("unsubscribes from everything (consent and every list), and can subscribe again", async () => {
    const news = await seedListMembership(workspaceId, contact.id, "Newsletter");
    const after = await changePreferencesAction({ view: null }, form({ intent: "everything", token: message.token }));
    expect(after.view).toMatchObject({ consent: "unsubscribed", lists: [{ id: news, subscribed: false }] });
    expect(await emailStatus()).toBe("unsubscribed");
    expect(await unsubscribedEvents()).toEqual([{ data: { via: "preferences" } }]);

    // While unsubscribed from everything, joining a list asks to subscribe again first.
    const refused = await changePreferencesAction(after, form({ intent: "list", token: message.token, listId: news, subscribed: "true" }));
    expect(refused.error).toMatch(/Subscribe again/);
    expect(refused.view!.lists[0]!.subscribed).toBe(false);

    const back = await changePreferencesAction(after, form({ intent: "resubscribe", token: message.token }));
    expect(back.view!.consent).toBe("subscribed");
    const history = await db.select({ status: consentEvents.status, source: consentEvents.source }).from(consentEvents).where(eq(consentEvents.contactId, contact.id));
    expect(history).toEqual([
      { status: "unsubscribed", source: "preferences_page" },
      { status: "subscribed", source: "preferences_page" },
    ]);
  });

  it("never shows or changes another workspace's lists, and refuses forged tokens", async () => {
    const other = (await createTestWorkspace()).workspace.id;
    const outsider = await seedContact(other, { firstName: "Outsider" });
    const foreignList = await seedListMembership(other, outsider.id, "Their secret list");
    await seedListMembership(workspaceId, contact.id, "Newsletter");

    const view = await loadPreferences(message.token);
    expect(view!.lists.map((l) => l.name)).toEqual(["Newsletter"]);

    const attempt = await changePreferencesAction({ view }, form({ intent: "list", token: message.token, listId: foreignList, subscribed: "false" }));
    expect(attempt.error).toBeDefined();
    const [membership] = await db.select({ status: listMemberships.status }).from(listMemberships).where(eq(listMemberships.listId, foreignList));
    expect(membership!.status).toBe("subscribed");

    // A message naming another workspace's contact reaches no one.
    const crossed = await seedMessage({ workspaceId, campaignId, contactId: outsider.id, address: outsider.email! });
    expect(await loadPreferences(crossed.token)).toBeNull();
    expect((await postOneClick(crossed.token)).status).toBe(404);
    expect(await emailStatus(outsider.id)).toBe("subscribed");

    expect(await loadPreferences(messageToken(randomUUID()))).toBeNull();
    expect((await changePreferencesAction({ view: null }, form({ intent: "everything", token: "forged" }))).view).toBeNull();
  });
});
