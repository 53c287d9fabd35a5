import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * A marketer prices a route, then writes an SMS whose smart quotes make it UCS-2 (two segments),
 * fixes them with one click (GSM-7, one segment, half the cost), merges in a first name, checks the
 * rendered preview and saves.
 */
test("SMS composer: route, smart quotes, segment count, replace lookalikes, preview, save", async ({ page }) => {
  test.slow();
  await signUpWithWorkspace(page, newPerson("Sasha Sender"), `SMS ${Date.now().toString(36)}`);

  // A route, with a field error first.
  await page.goto("/settings/sms-routes");
  await expect(page.getByRole("link", { name: "SMS routes" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Add route" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("HK direct");
  await dialog.getByLabel("Price per segment").fill("0.05");
  await dialog.getByRole("button", { name: "Add route" }).click();
  await expect(dialog.getByText("Choose at least one market")).toBeVisible();
  await dialog.getByRole("checkbox", { name: /Hong Kong/ }).check();
  await dialog.getByRole("button", { name: "Add route" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: /HK direct/ })).toContainText("0.05 credits");

  // A template, opened in the composer.
  await page.goto("/templates/sms");
  await page.getByRole("button", { name: "New SMS template" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Flash sale");
  await page.getByRole("button", { name: "Create and write" }).click();
  await expect(page).toHaveURL(/\/templates\/sms\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Flash sale" })).toBeVisible();

  // 96 characters with two ’: UCS-2, so two segments (67 per part); the ’ is marked in the box.
  const message = page.getByLabel("Message", { exact: true });
  await message.fill("Hi , it’s our flash sale: 20% off everything in store and online until midnight, don’t miss out!");
  await page.getByLabel("Opt-out footer").fill("Reply STOP to opt out");
  const counter = page.getByRole("status", { name: "Message length" });
  await expect(counter).toContainText("UCS-2");
  await expect(counter).toContainText("118 characters");
  await expect(counter).toContainText("2 segments");
  await expect(counter).toContainText("16 left in this segment");
  await expect(page.getByRole("list", { name: "Characters that force UCS-2" })).toContainText("’U+2019×2");
  await expect(page.locator('mark[data-highlight="ucs2"]')).toHaveCount(2);

  // The route prices it.
  await page.getByLabel("Route").selectOption({ label: "HK direct (HK): 0.05 credits per segment, Unicode" });
  await expect(page.getByTestId("cost-per-message")).toHaveText("2 segments × 0.05 = 0.1 credits per message");

  // One click: ’ becomes ', the message is GSM-7 and fits one segment.
  await page.getByRole("button", { name: "Replace lookalikes" }).click();
  await expect(message).toHaveValue("Hi , it's our flash sale: 20% off everything in store and online until midnight, don't miss out!");
  await expect(counter).toContainText("GSM-7");
  await expect(counter).toContainText("1 segment");
  await expect(counter).toContainText("42 left in this segment");
  await expect(page.getByTestId("cost-per-message")).toHaveText("1 segment × 0.05 = 0.05 credits per message");
  await expect(page.locator("mark")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Replace lookalikes" })).toBeHidden();

  // A merge tag goes in where the cursor is; the preview renders it for the sample person.
  await message.evaluate((element: HTMLTextAreaElement) => {
    element.focus();
    element.setSelectionRange(3, 3);
  });
  await page.getByLabel("Insert merge tag").selectOption({ label: "First name" });
  await expect(message).toHaveValue(/^Hi \{\{ contact\.first_name \}\}, it's our flash sale/);
  await expect(page.getByText("Merge tags are not counted here")).toBeVisible();
  const preview = page.getByRole("region", { name: "Rendered message" });
  await expect(preview).toContainText("Hi Alex, it's our flash sale: 20% off everything in store and online until midnight, don't miss out!\nReply STOP to opt out");
  await expect(preview).toContainText("122 characters, 1 segment");
  await expect(preview).toContainText("0.05 credits");

  // Saved, and still there after a reload.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue(/^Hi \{\{ contact\.first_name \}\}, it's our flash sale/);
  await expect(page.getByLabel("Route")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByRole("status", { name: "Message length" })).toContainText("GSM-7");
  await page.goto("/templates/sms");
  await expect(page.getByRole("row", { name: /Flash sale/ })).toContainText("HK direct");
});
