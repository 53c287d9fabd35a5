import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * An admin sets the workspace's messaging limits (a frequency cap and quiet hours), is told by field
 * what is wrong with a weekly cap below the daily one, saves, and finds the limits kept after a
 * reload; a contact's page shows the Journeys card.
 */
test("messaging limits: set a frequency cap and quiet hours, see a field error, save and reload", async ({ page }) => {
  const owner = newPerson("Lim Limits");
  const unique = Date.now().toString(36);
  await signUpWithWorkspace(page, owner, `Limits ${unique}`);

  // The contact page has the journeys card (empty until the contact enters a journey).
  await page.getByRole("button", { name: "Add contact" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email", { exact: true }).fill(`lee.${unique}@example.com`);
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Not in any journey yet.")).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Messaging limits" }).click();
  await expect(page).toHaveURL(/\/settings\/messaging$/);

  await page.getByLabel("Per day (UTC)").fill("3");
  await page.getByLabel("Per 7 days").fill("2");
  await page.getByLabel("From").fill("21:00");
  await page.getByLabel("Until").fill("08:00");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("the weekly limit cannot be lower than the daily limit")).toBeVisible();

  await page.getByLabel("Per 7 days").fill("10");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("Messaging limits saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Per day (UTC)")).toHaveValue("3");
  await expect(page.getByLabel("Per 7 days")).toHaveValue("10");
  await expect(page.getByLabel("From")).toHaveValue("21:00");
  await expect(page.getByLabel("Until")).toHaveValue("08:00");
});
