import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";
import { addSubscribedContactOnList } from "../fixtures/audience";

/**
 * A marketer's first campaign: a subscribed contact on a list, a sender, a code template with a
 * subject and that sender; a draft that names its missing template, then launches (after a look
 * at the credit balance); the stages run to Sent through the real worker, the message lands in
 * the Outbox (through the local mail catcher), and the report counts it.
 */
test("campaign: build a draft, launch it, watch it send, find it in the Outbox and the report", async ({ page }) => {
  test.slow();
  const owner = newPerson("Cam Campaigner");
  const unique = Date.now().toString(36);
  const subject = `Spring sale ${unique}`;
  const sender = `news-${unique}@shop.example`;
  await signUpWithWorkspace(page, owner, `Campaigns ${unique}`);

  // A contact who agreed to email marketing, on a list.
  await addSubscribedContactOnList(page, { channel: "email", address: `ana.${unique}@example.com`, firstName: "Ana", listName: "Newsletter" });
  const dialog = page.getByRole("dialog");

  // A sender.
  await page.goto("/settings/senders");
  await page.getByLabel("Name").fill("Spring Shop");
  await page.getByLabel("From address").fill(sender);
  await page.getByRole("button", { name: "Add sender" }).click();
  await expect(page.getByRole("row", { name: /Spring Shop/ })).toBeVisible();

  // A blank code template with a subject and that sender.
  await page.goto("/templates");
  await page.getByRole("button", { name: "New template" }).click();
  await dialog.getByLabel("Name").fill("Spring news");
  await dialog.getByText("MJML or HTML code").click();
  await expect(dialog.getByRole("radio", { name: /MJML or HTML code/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/email\/[0-9a-f-]{36}$/);
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("From").selectOption({ label: `Spring Shop <${sender}>` });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  // A draft campaign. Launching without a template names the field.
  await page.goto("/campaigns");
  await expect(page.getByText("No campaigns yet")).toBeVisible();
  await page.getByRole("button", { name: "New campaign" }).click();
  await dialog.getByLabel("Name").fill("Spring sale");
  await dialog.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignUrl = page.url();
  await expect(page.getByRole("heading", { name: "Spring sale" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "SMS" })).not.toBeChecked();

  await page.getByRole("group", { name: "Lists to send to" }).getByRole("checkbox", { name: /Newsletter/ }).check();
  await page.getByRole("button", { name: "Launch…" }).click();
  await expect(page.getByRole("dialog", { name: "Launch this campaign?" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.getByText("Choose an email template")).toBeVisible();
  await expect(page.getByLabel("Email template")).toHaveAttribute("aria-invalid", "true");

  // The template; its sender is the default.
  await page.getByLabel("Email template").selectOption({ label: "Spring news" });
  await expect(page.getByLabel("Sender")).toHaveValue("");
  await expect(page.getByLabel("Sender").locator("option:checked")).toHaveText(`Template's sender: Spring Shop <${sender}>`);
  await expect(page.getByRole("link", { name: "Edit template" })).toHaveAttribute("href", /\/templates\/email\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved")).toBeVisible();

  // The list shows the draft with its audience.
  await page.goto("/campaigns");
  const row = page.getByRole("row", { name: /Spring sale/ });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("Newsletter");
  await expect(row).toContainText("Email");
  await row.getByRole("link", { name: "Spring sale" }).click();
  await expect(page).toHaveURL(campaignUrl);

  // Launch, after seeing the balance.
  await page.getByRole("button", { name: "Launch…" }).click();
  const confirm = page.getByRole("dialog", { name: "Launch this campaign?" });
  await expect(confirm.getByTestId("launch-balance")).toHaveText("1,000 credits");
  await expect(confirm).toContainText("Newsletter");
  await confirm.getByRole("button", { name: "Launch", exact: true }).click();
  await expect(confirm).toBeHidden();

  // The worker takes it from here; the page refreshes itself every 2 seconds.
  const stages = page.getByRole("list", { name: "Stages" });
  await expect(stages).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText("Sent", { timeout: 45_000 });
  await expect(stages.getByRole("listitem", { name: "Validate" })).toContainText("1 recipient frozen, 0 skipped");
  await expect(stages.getByRole("listitem", { name: "Charge" })).toContainText("1 charged");
  await expect(stages.getByRole("listitem", { name: "Send" })).toContainText("1 of 1 sent");
  await expect(stages.getByRole("progressbar", { name: "Send progress" })).toHaveAttribute("aria-valuenow", "1");
  for (const stage of ["Validate", "Build", "Charge", "Send", "Log", "Report"])
    await expect(stages.getByRole("listitem", { name: stage })).toHaveAttribute("data-state", "done");
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);

  // The message went through the mail catcher into the Outbox.
  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.getByText(subject)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByText(subject).first().click();
  await expect(page.getByText(`ana.${unique}@example.com`).first()).toBeVisible();

  // The report counts it, and what it cost.
  await page.goto(campaignUrl);
  const report = page.getByRole("region", { name: "Report" });
  await expect(report.getByTestId("funnel-sent")).toHaveText("1");
  await expect(report.getByTestId("credits-spent")).toHaveText("1");
  await expect(report.getByText("No clicks yet.")).toBeVisible();

  // And the list shows it sent, 1 of 1.
  await page.goto("/campaigns");
  await expect(row).toContainText("Sent");
  await expect(row).toContainText("1 / 1");

  // A second one for tomorrow: a blank time is flagged, the schedule holds it, and it can be cancelled.
  await page.getByRole("button", { name: "New campaign" }).click();
  await dialog.getByLabel("Name").fill("Tomorrow");
  await dialog.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Tomorrow" })).toBeVisible();
  await page.getByLabel("Email template").selectOption({ label: "Spring news" });
  await page.getByRole("group", { name: "Lists to send to" }).getByRole("checkbox", { name: /Newsletter/ }).check();
  await page.getByRole("radio", { name: "At a date and time" }).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Choose the date and time to send")).toBeVisible();
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await page
    .getByLabel("Send at")
    .fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:${pad(tomorrow.getMinutes())}`);
  await page.getByRole("button", { name: "Launch…" }).click();
  await page.getByRole("dialog", { name: "Launch this campaign?" }).getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("Scheduled");
  await expect(stages.getByRole("listitem", { name: "Validate" })).toHaveAttribute("data-state", "waiting");
  await expect(stages.getByRole("listitem", { name: "Validate" })).toContainText("Starts ");
  await page.getByRole("button", { name: "Cancel campaign" }).click();
  await page.getByRole("dialog", { name: "Cancel this campaign?" }).getByRole("button", { name: "Cancel campaign" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("Cancelled");
  await expect(page.getByRole("status").filter({ hasText: /^Cancelled by Cam Campaigner$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel campaign" })).toHaveCount(0);
  await page.goto("/campaigns");
  await expect(page.getByRole("row", { name: /Tomorrow/ })).toContainText("Cancelled");
});
