import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";
import { addBlockToCanvas, builderCanvas, editTextInCanvas, insertMergeTag } from "../fixtures/visual-builder";

/**
 * A marketer designs an email in the visual builder: adds a sender, drags a text block and a button
 * onto a blank design, writes with a merge tag, sees a problem flagged and fixed, previews it as a
 * real contact (whose data shows, escaped), sends a test and finds it in the Outbox.
 */
test("build an email visually, preview it for a contact, send a test to the Outbox", async ({ page }) => {
  test.slow();
  const owner = newPerson("Eve Editor");
  const unique = Date.now().toString(36);
  await signUpWithWorkspace(page, owner, `Content ${unique}`);

  // A contact to preview with.
  await page.getByRole("button", { name: "Add contact" }).first().click();
  const contactDialog = page.getByRole("dialog");
  await contactDialog.getByLabel("Email", { exact: true }).fill(`ana.${unique}@example.com`);
  await contactDialog.getByLabel("First name").fill("Ana");
  await contactDialog.getByRole("button", { name: "Add contact" }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);

  // A sender for the From line.
  await page.goto("/settings/senders");
  await page.getByLabel("Name").fill("Spring Shop");
  await page.getByLabel("From address").fill(`news-${unique}@shop.example`);
  await page.getByRole("button", { name: "Add sender" }).click();
  await expect(page.getByRole("row", { name: /Spring Shop/ })).toBeVisible();

  // A new visual template from a blank page.
  await page.goto("/templates");
  await page.getByRole("button", { name: "New template" }).click();
  const newDialog = page.getByRole("dialog");
  await newDialog.getByLabel("Name").fill("Spring news");
  await expect(newDialog.getByRole("radio", { name: /Start from Newsletter|Start from/ }).first()).toBeAttached();
  await newDialog.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/email\/[0-9a-f-]{36}$/);
  await expect(builderCanvas(page).getByText("Write your message here.")).toBeVisible({ timeout: 30_000 });

  // Drag a text block and a button in; write with a merge tag.
  await addBlockToCanvas(page, "Text");
  await editTextInCanvas(page, "Insert text here", "Spring is here for ");
  await insertMergeTag(page, "First name");
  await addBlockToCanvas(page, "Button");
  await expect(builderCanvas(page).locator('[data-gjs-type="mj-button"]')).toHaveCount(1);

  // A broken subject is flagged with its place; fixing it clears the problem.
  await page.getByLabel("Subject").fill("Spring news for {{ contact.first_name ");
  await page.getByLabel("From").selectOption({ label: `Spring Shop <news-${unique}@shop.example>` });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByText(/Subject line 1/)).toBeVisible();
  await page.getByLabel("Subject").fill("Spring news for {{ contact.first_name }}");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await expect(problems.getByText(/Subject line 1/)).toHaveCount(0);

  // Preview as Ana, desktop and mobile.
  await page.getByRole("navigation", { name: "Template sections" }).getByRole("button", { name: "Preview" }).click();
  await page.getByLabel("Preview for contact").fill("Ana");
  await page.getByRole("list", { name: "Matching contacts" }).getByRole("button", { name: /Ana/ }).click();
  await expect(page.getByTestId("preview-subject")).toHaveText("Spring news for Ana");
  const frame = page.frameLocator('iframe[title="Email preview"]');
  await expect(frame.getByText("Spring is here for Ana")).toBeVisible();
  await page.getByRole("button", { name: "Mobile", exact: true }).click();
  await expect(frame.getByText("Spring is here for Ana")).toBeVisible();
  await expect(page.locator('iframe[title="Email preview"]')).toHaveAttribute("sandbox", "");

  // Send a test and find it in the Outbox.
  await page.getByRole("button", { name: "Send test" }).click();
  const testDialog = page.getByRole("dialog", { name: "Send a test" });
  await expect(testDialog.getByLabel("Send to")).toHaveValue(owner.email);
  await testDialog.getByRole("button", { name: "Send test" }).click();
  await expect(testDialog.getByText(/Test queued for 1 address/)).toBeVisible();
  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.getByText("[Test] Spring news for Ana")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByText("[Test] Spring news for Ana").click();
  await expect(page.getByText(`news-${unique}@shop.example`).first()).toBeVisible();
});
