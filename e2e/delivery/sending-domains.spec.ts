import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * An owner adds a sending domain (after a field error), sees the DNS records to publish with working
 * copy buttons, checks DNS and gets a reason per record (nothing is published for a made-up domain),
 * sees the sender on that domain marked unverified, and deletes the domain.
 */
test("sending domains: add, copy the DKIM record, check DNS with reasons, sender badge, delete", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const person = newPerson("Dora Domains");
  await signUpWithWorkspace(page, person, `Domains ${Date.now().toString(36)}`);
  const domain = `mail.herald-e2e-${Date.now().toString(36)}.example`;

  await page.getByRole("link", { name: "Settings" }).first().click();
  const nav = page.getByRole("navigation", { name: "Settings" });
  await nav.getByRole("link", { name: "Domains" }).click();
  await expect(page).toHaveURL(/\/settings\/domains$/);
  await expect(nav.getByRole("link", { name: "Domains" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No sending domains yet")).toBeVisible();

  const domainInput = page.getByRole("textbox", { name: "Domain", exact: true });
  await domainInput.fill(`news@${domain}`);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByText("Enter only the part after the @, like acme.com")).toBeVisible();
  await expect(domainInput).toHaveAttribute("aria-invalid", "true");

  await domainInput.fill(domain.toUpperCase());
  await page.getByRole("button", { name: "Add domain" }).click();
  const table = page.getByRole("table", { name: "Sending domains" });
  const row = table.getByRole("row", { name: new RegExp(domain.replaceAll(".", "\\.")) });
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("Never");

  // The new domain's records open at once; DKIM is the required one.
  const panel = page.getByRole("region", { name: `DNS records for ${domain}` });
  await expect(panel).toBeVisible();
  const dkim = panel.getByRole("listitem", { name: "DKIM record" });
  await expect(dkim).toContainText("Required");
  await expect(dkim.getByRole("code").first()).toContainText(/^herald\d{6}[a-z2-9]{4}\._domainkey/);
  const value = (await dkim.getByRole("code").nth(1).textContent())!;
  expect(value).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjAN[A-Za-z0-9+/=]{380,}$/);
  await dkim.getByRole("button", { name: "Copy DKIM value" }).click();
  await expect(dkim.getByRole("button", { name: "Copy DKIM value" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  await expect(panel.getByRole("listitem", { name: "DMARC record" })).toContainText("_dmarc");
  await expect(panel.getByRole("listitem", { name: "Return path (bounces) record" })).toContainText("Bounce handling comes later");
  await expect(panel).not.toContainText("PRIVATE KEY");

  // Nothing is published for a made-up domain: every record fails, each with its reason.
  await panel.getByRole("button", { name: "Check DNS" }).click();
  await expect(panel.getByRole("status").filter({ hasText: `${domain} is not verified yet` })).toBeVisible({ timeout: 30_000 });
  await expect(dkim).toContainText("Fail");
  await expect(dkim).toContainText(/No TXT record at herald\d{6}[a-z2-9]{4}\._domainkey\.|The DNS lookup failed/);
  await expect(panel.getByRole("listitem", { name: "SPF record" })).toContainText(/No SPF record|The DNS lookup failed/);
  await expect(row).toContainText("Not verified");
  await expect(row).toContainText("just now");

  // A sender on that domain shows that its domain is not verified.
  await nav.getByRole("link", { name: "Senders" }).click();
  await expect(page).toHaveURL(/\/settings\/senders$/);
  await page.getByLabel("Name", { exact: true }).fill("Dora News");
  await page.getByLabel("From address").fill(`news@${domain}`);
  await page.getByRole("button", { name: "Add sender" }).click();
  await expect(page.getByRole("table", { name: "Senders" }).getByRole("row", { name: /Dora News/ })).toContainText("Domain not verified");

  await nav.getByRole("link", { name: "Domains" }).click();
  await expect(page).toHaveURL(/\/settings\/domains$/);
  await row.getByRole("button", { name: `Delete ${domain}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ${domain}?` });
  await confirm.getByRole("button", { name: "Delete domain" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("No sending domains yet")).toBeVisible();
});
