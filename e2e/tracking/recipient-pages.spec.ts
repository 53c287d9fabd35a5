import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * What a campaign's recipient meets, in Chromium against the real server: the email in the browser
 * (their name, tracked links that redirect and count), the open pixel, the unsubscribe page (nothing
 * changes until the button), the preferences page (subscribe again, leave one list) and RFC 8058
 * one-click. The campaign and its message are written straight to the database, as the batch sender
 * leaves them, and the token is minted with the server's own secret from its data folder.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54401 + (PORT - 3100));
// playwright.config.ts names the data folder after the runner's pid, which is this worker's parent.
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `herald-e2e-${process.ppid}`);

const mintToken = async (messageId: string) => {
  process.env.BETTER_AUTH_SECRET = readFileSync(path.join(DATA_DIR, "auth-secret"), "utf8").trim();
  process.env.DATABASE_URL = `postgres://herald:herald@127.0.0.1:${PG_PORT}/herald`;
  const { messageToken } = await import("../../server/domain/tracking/message-token");
  return messageToken(messageId);
};

test("recipient pages: view in browser, tracked click and open, unsubscribe, preferences, one-click", async ({ page }) => {
  const workspaceName = `Acme ${Date.now().toString(36)}`;
  await signUpWithWorkspace(page, newPerson("Rita Recipient"), workspaceName);

  const sql = postgres(`postgres://herald:herald@127.0.0.1:${PG_PORT}/herald`, { max: 1, onnotice: () => {} });
  try {
    const [workspace] = await sql<{ id: string }[]>`select id from workspaces where name = ${workspaceName}`;
    const workspaceId = workspace!.id;
    const [contact] = await sql<{ id: string }[]>`
      insert into contacts (workspace_id, email, first_name, email_status) values (${workspaceId}, 'mei.wong@example.test', 'Mei', 'subscribed') returning id`;
    for (const name of ["Weekly news", "Offers"]) {
      const [list] = await sql<{ id: string }[]>`insert into lists (workspace_id, name) values (${workspaceId}, ${name}) returning id`;
      await sql`insert into list_memberships (list_id, contact_id, workspace_id) values (${list!.id}, ${contact!.id}, ${workspaceId})`;
    }
    const campaignId = randomUUID();
    const content = {
      subject: "Spring",
      preheader: "",
      sourceFormat: "html",
      source:
        '<html><body><h1>Hello {{ contact.first_name }}</h1><p><a href="https://shop.example/sale">See the sale</a></p>' +
        '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>',
    };
    const snapshot = {
      campaign: { id: campaignId, name: "Spring" },
      workspace: { id: workspaceId, name: workspaceName, postalAddress: null },
      email: {
        templateId: randomUUID(),
        revision: 1,
        content,
        links: [{ index: 0, href: "https://shop.example/sale", text: "See the sale" }],
        from: { email: "news@acme.example", name: "Acme" },
        replyTo: null,
        attachmentTemplateId: randomUUID(),
      },
    };
    await sql`
      insert into campaigns (id, workspace_id, name, status, channels, audience, snapshot)
      values (${campaignId}, ${workspaceId}, 'Spring', 'sending', '{email}', ${sql.json({ listIds: [], segmentIds: [], excludeListIds: [], excludeSegmentIds: [] })}, ${sql.json(snapshot)})`;
    const messageId = randomUUID();
    await sql`
      insert into messages (id, workspace_id, kind, campaign_id, contact_id, channel, address)
      values (${messageId}, ${workspaceId}, 'campaign', ${campaignId}, ${contact!.id}, 'email', 'mei.wong@example.test')`;
    const token = await mintToken(messageId);
    const count = async (kind: string) =>
      Number((await sql`select count(*)::int as n from message_events where message_id = ${messageId} and kind = ${kind}::message_event_kind`)[0]!.n);

    // View in browser: the recipient's own rendering, no scripts allowed, the link goes through /c/ and counts.
    const viewed = await page.goto(`/v/${token}`);
    expect(viewed!.headers()["content-security-policy"]).toContain("script-src 'none'");
    await expect(page.getByRole("heading", { name: "Hello Mei" })).toBeVisible();
    await expect(page.getByRole("link", { name: "See the sale" })).toHaveAttribute("href", new RegExp(`/c/${token}/0$`));
    await page.route("https://shop.example/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>The sale</h1>" }));
    await page.getByRole("link", { name: "See the sale" }).click();
    await expect(page).toHaveURL("https://shop.example/sale");
    await expect.poll(() => count("clicked")).toBe(1);

    const pixel = await page.request.get(`/o/${token}`);
    expect(pixel.headers()["content-type"]).toBe("image/gif");
    expect((await pixel.body()).length).toBe(43);
    await expect.poll(() => count("opened")).toBe(1);

    // Unsubscribe: the page only asks; the button does it.
    await page.goto(`/u/${token}`);
    await expect(page.getByRole("heading", { name: `Unsubscribe from ${workspaceName}` })).toBeVisible();
    await expect(page.getByText("me•••@example.test")).toBeVisible();
    expect((await sql`select email_status from contacts where id = ${contact!.id}`)[0]!.email_status).toBe("subscribed");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByText("You are unsubscribed")).toBeVisible();
    expect((await sql`select email_status from contacts where id = ${contact!.id}`)[0]!.email_status).toBe("unsubscribed");
    expect(await count("unsubscribed")).toBe(1);

    // Preferences: subscribe again, then leave one list.
    await page.getByRole("link", { name: "your subscription preferences" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${token}$`));
    await expect(page.getByText("You are unsubscribed from all of these messages.")).toBeVisible();
    await page.getByRole("button", { name: "Subscribe again" }).click();
    await expect(page.getByText("Welcome back: you are subscribed again.")).toBeVisible();
    const lists = page.getByRole("list", { name: "Your lists" });
    await lists.getByRole("button", { name: "Unsubscribe from Weekly news" }).click();
    await expect(page.getByText("Unsubscribed from the list.")).toBeVisible();
    await expect(lists.getByRole("button", { name: "Subscribe to Weekly news" })).toBeVisible();
    await expect(lists.getByRole("button", { name: "Unsubscribe from Offers" })).toBeVisible();
    expect((await sql`select email_status from contacts where id = ${contact!.id}`)[0]!.email_status).toBe("subscribed");

    // RFC 8058: a mail provider's POST unsubscribes without a session; a GET never does.
    const viaGet = await page.request.get(`/api/u/${token}`, { maxRedirects: 0 });
    expect(viaGet.status()).toBe(303);
    expect(viaGet.headers()["location"]).toMatch(new RegExp(`/u/${token}$`));
    expect((await sql`select email_status from contacts where id = ${contact!.id}`)[0]!.email_status).toBe("subscribed");
    const oneClick = await page.request.post(`/api/u/${token}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(200);
    expect((await sql`select email_status from contacts where id = ${contact!.id}`)[0]!.email_status).toBe("unsubscribed");

    // Links from previews explain themselves; forged ones are not valid.
    await page.goto("/u/preview0000000000000000000000");
    await expect(page.getByRole("heading", { name: "This link came from a preview" })).toBeVisible();
    const forged = await page.goto(`/c/${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}/0`);
    expect(forged!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  } finally {
    await sql.end();
  }
});
