import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as click } from "@/app/c/[token]/[index]/route";
import { GET as openPixel } from "@/app/o/[token]/route";
import { GET as viewInBrowser } from "@/app/(public)/v/[token]/route";
import { campaignDomainStats, campaignLinkStats, campaignStatsHourly, messageEvents } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { flushNow } from "./event-buffer";
import { messageToken } from "./message-token";
import { seedCampaign, seedContact, seedMessage } from "./tracking-fixtures";
import { decodeAttribute, trackingUrls } from "./tracking-urls";

const APP = "http://localhost:3999"; // APP_URL in server/testing/setup-env.ts

const open = (token: string) => openPixel(new Request(`${APP}/o/${token}`), { params: Promise.resolve({ token }) });
const follow = (href: string) => {
  const url = new URL(decodeAttribute(href));
  const [, , token, index] = url.pathname.split("/");
  return click(new Request(url), { params: Promise.resolve({ token: token!, index: index! }) });
};
const view = (token: string) => viewInBrowser(new Request(`${APP}/v/${token}`), { params: Promise.resolve({ token }) });

let workspaceId: string;
let campaignId: string;
let contact: Awaited<ReturnType<typeof seedContact>>;
let message: { messageId: string; token: string };

beforeEach(async () => {
  workspaceId = (await createTestWorkspace()).workspace.id;
  ({ campaignId } = await seedCampaign({ workspaceId }));
  contact = await seedContact(workspaceId, { email: "mei.wong@Example.com", firstName: "Mei" });
  message = await seedMessage({ workspaceId, campaignId, contactId: contact.id, address: contact.email! });
});

const eventsOf = (messageId: string, kind: "opened" | "clicked") =>
  db.select({ data: messageEvents.data, campaignId: messageEvents.campaignId, contactId: messageEvents.contactId }).from(messageEvents).where(and(eq(messageEvents.messageId, messageId), eq(messageEvents.kind, kind)));

const rollup = async (kind: "opened" | "clicked") => {
  const rows = await db.select().from(campaignStatsHourly).where(and(eq(campaignStatsHourly.campaignId, campaignId), eq(campaignStatsHourly.kind, kind)));
  return rows.reduce((sum, row) => ({ total: sum.total + row.total, unique: sum.unique + row.unique }), { total: 0, unique: 0 });
};

describe("GET /o/<token>", () => {
  it("answers the 43-byte transparent GIF, uncached, and counts opens: every one in total, the first as unique", async () => {
    const response = await open(message.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body).toHaveLength(43);
    expect(body.subarray(0, 6).toString("latin1")).toBe("GIF89a");
    expect(body.subarray(19, 23).toString("hex")).toBe("21f90401"); // graphic control extension, transparency on

    await open(message.token);
    await flushNow();
    await open(message.token);
    await flushNow();

    expect(await eventsOf(message.messageId, "opened")).toHaveLength(3);
    expect((await eventsOf(message.messageId, "opened"))[0]).toMatchObject({ campaignId, contactId: contact.id });
    expect(await rollup("opened")).toEqual({ total: 3, unique: 1 });
    const [domain] = await db.select().from(campaignDomainStats).where(and(eq(campaignDomainStats.campaignId, campaignId), eq(campaignDomainStats.kind, "opened")));
    expect(domain).toMatchObject({ domain: "example.com", total: 3 });
  });

  it("still answers the GIF for forged, garbled and preview tokens, and records nothing", async () => {
    const forged = `${message.token.slice(0, -2)}${message.token.endsWith("AA") ? "BA" : "AA"}`;
    for (const token of [forged, "nope", "preview0000000000000000000000", messageToken(randomUUID())]) {
      const response = await open(token);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toHaveLength(43);
    }
    await flushNow();
    expect(await db.select().from(messageEvents).where(eq(messageEvents.workspaceId, workspaceId))).toEqual([]);
  });
});

describe("GET /c/<token>/<index>", () => {
  it("redirects a campaign link to its target and counts clicks per link, unique per message", async () => {
    const urls = trackingUrls(APP, message.token);
    const href = "https://shop.example/sale?utm_source=herald&amp;utm_medium=email";
    const tracked = urls.click(0, href, href);
    expect(tracked).toBe(`${APP}/c/${message.token}/0`);

    const response = await follow(tracked);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://shop.example/sale?utm_source=herald&utm_medium=email");
    await follow(tracked);
    await flushNow();

    const [link] = await db.select().from(campaignLinkStats).where(eq(campaignLinkStats.campaignId, campaignId));
    expect(link).toMatchObject({ linkIndex: 0, url: "https://shop.example/sale?utm_source=herald&utm_medium=email", clicks: 2, uniqueClicks: 1 });
    expect(await rollup("clicked")).toEqual({ total: 2, unique: 1 });
    expect((await eventsOf(message.messageId, "clicked"))[0]!.data).toMatchObject({ link: 0 });
  });

  it("redirects a personalised link only to the URL signed for this message and link", async () => {
    const tracked = trackingUrls(APP, message.token).click(1, `https://shop.example/orders/${contact.id}`, "https://shop.example/orders/{{ contact.id }}");
    const response = await follow(tracked);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`https://shop.example/orders/${contact.id}`);

    const url = new URL(decodeAttribute(tracked));
    const evil = new URL(url);
    evil.searchParams.set("u", Buffer.from("https://evil.example/phish").toString("base64url"));
    const otherIndex = new URL(url);
    otherIndex.pathname = otherIndex.pathname.replace(/\/1$/, "/0");
    const unsigned = new URL(url);
    unsigned.searchParams.delete("s");
    for (const tampered of [evil, otherIndex, unsigned]) {
      const answer = await follow(tampered.href);
      expect(answer.status).toBe(404);
      expect(answer.headers.get("location")).toBeNull();
      expect(answer.headers.get("content-type")).toContain("text/html");
    }
    await flushNow();
    const [link] = await db.select().from(campaignLinkStats).where(eq(campaignLinkStats.campaignId, campaignId));
    expect(link).toMatchObject({ linkIndex: 1, clicks: 1 });
  });

  it("answers 404 for forged tokens, unknown links and another workspace's campaign", async () => {
    expect((await follow(`${APP}/c/${message.token.slice(0, -1)}x/0`)).status).toBe(404);
    expect((await follow(`${APP}/c/${message.token}/99`)).status).toBe(404);
    expect((await follow(`${APP}/c/${message.token}/-1`)).status).toBe(404);
    expect((await follow(`${APP}/c/${messageToken(randomUUID())}/0`)).status).toBe(404);

    // A message of another workspace naming this workspace's campaign is not sent to its links.
    const other = (await createTestWorkspace()).workspace.id;
    const stray = await seedMessage({ workspaceId: other, campaignId, contactId: null, address: "x@other.example" });
    expect((await follow(`${APP}/c/${stray.token}/0`)).status).toBe(404);
  });

  it("never redirects to a campaign link that is not http(s)", async () => {
    const { campaignId: scripted } = await seedCampaign({
      workspaceId,
      content: { subject: "x", preheader: "", sourceFormat: "html", source: '<a href="javascript:alert(1)">x</a><a href="https://ok.example/">ok</a>' },
    });
    const sent = await seedMessage({ workspaceId, campaignId: scripted, contactId: contact.id, address: contact.email! });
    expect((await follow(`${APP}/c/${sent.token}/0`)).status).toBe(404);
    expect((await follow(`${APP}/c/${sent.token}/1`)).headers.get("location")).toBe("https://ok.example/");
  });
});

describe("GET /v/<token>", () => {
  it("renders the campaign email for its recipient, with their special links and tracked links, under a no-script CSP", async () => {
    const response = await view(message.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");

    const html = await response.text();
    expect(html).toContain("Hello Mei");
    expect(html).not.toContain("<script");
    expect(html).toContain(`href="${APP}/c/${message.token}/0"`);
    expect(html).toMatch(new RegExp(`href="${APP}/c/${message.token}/1\\?u=[A-Za-z0-9_-]+&amp;s=`));
    expect(html).toContain(`href="${APP}/u/${message.token}"`);
    expect(html).toContain(`href="${APP}/p/${message.token}"`);

    // The personalised link in the page leads to this contact's own URL.
    const personal = /href="([^"]*\/c\/[^"]*\/1\?[^"]*)"/.exec(html)![1]!;
    expect((await follow(personal)).headers.get("location")).toBe(`https://shop.example/orders/${contact.id}`);
  });

  it("explains preview links and answers 404 for forged tokens, SMS and non-campaign messages, and other workspaces' contacts", async () => {
    const preview = await view("preview0000000000000000000000");
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("This link came from a preview");

    const forged = await view(`${message.token.slice(0, -1)}${message.token.endsWith("A") ? "B" : "A"}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain("This link is not valid");

    const transactional = await seedMessage({ workspaceId, campaignId: null, contactId: contact.id, address: contact.email! });
    expect((await view(transactional.token)).status).toBe(404);
    const sms = await seedMessage({ workspaceId, campaignId, contactId: contact.id, address: "+85291234567", channel: "sms" });
    expect((await view(sms.token)).status).toBe(404);

    // A message that names another workspace's contact shows nothing of them.
    const other = (await createTestWorkspace()).workspace.id;
    const outsider = await seedContact(other, { firstName: "Outsider" });
    const crossed = await seedMessage({ workspaceId, campaignId, contactId: outsider.id, address: outsider.email! });
    const crossedView = await view(crossed.token);
    expect(crossedView.status).toBe(404);
    expect(await crossedView.text()).not.toContain("Outsider");
  });
});
