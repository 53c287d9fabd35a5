import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * A new workspace starts with 1,000 credits (in the top bar and on Settings → Credits, with its
 * "Starting credits" ledger entry); its owner tops up 500, after a field error, and sees 1,500
 * everywhere and the top-up at the head of the ledger with their name and note.
 */
test("credits: starting grant, top-up with a field error, balance and ledger", async ({ page }) => {
  const person = newPerson("Cora Credits");
  await signUpWithWorkspace(page, person, `Credits ${Date.now().toString(36)}`);

  const topBar = page.getByRole("banner");
  await expect(topBar.getByRole("link", { name: "1,000 credits" })).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Credits" }).click();
  await expect(page).toHaveURL(/\/settings\/credits$/);
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Credits" })).toHaveAttribute("aria-current", "page");

  const balance = page.getByTestId("credit-balance");
  await expect(balance).toHaveText("1,000 credits");
  const ledger = page.getByRole("table", { name: "Credit ledger" });
  await expect(ledger.getByRole("row")).toHaveCount(2);
  await expect(ledger.getByRole("row").nth(1)).toContainText("Top-up");
  await expect(ledger.getByRole("row").nth(1)).toContainText("Starting credits");
  await expect(ledger.getByRole("row").nth(1)).toContainText("+1,000");
  await expect(page.getByText("Nothing spent in the last 30 days.")).toBeVisible();

  await page.getByRole("button", { name: "Top up" }).click();
  const dialog = page.getByRole("dialog", { name: "Top up credits" });
  await dialog.getByLabel("Credits to add").fill("0");
  await dialog.getByRole("button", { name: "Add credits" }).click();
  await expect(dialog.getByText("The amount must be more than 0")).toBeVisible();
  await expect(dialog.getByLabel("Credits to add")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Credits to add").fill("500");
  await dialog.getByLabel("Note").fill("Invoice 2026-042");
  await dialog.getByRole("button", { name: "Add credits" }).click();
  await expect(dialog).toBeHidden();

  await expect(balance).toHaveText("1,500 credits");
  await expect(topBar.getByRole("link", { name: "1,500 credits" })).toBeVisible();
  await expect(ledger.getByRole("row")).toHaveCount(3);
  const newest = ledger.getByRole("row").nth(1);
  await expect(newest).toContainText("Top-up");
  await expect(newest).toContainText("Invoice 2026-042");
  await expect(newest).toContainText(person.name);
  await expect(newest).toContainText("+500");

  // The filter narrows the ledger to one kind.
  await page.getByLabel("Show entries of kind").selectOption({ label: "Sending" });
  await expect(page.getByText("No sending entries.")).toBeVisible();
  await page.getByLabel("Show entries of kind").selectOption({ label: "Top-up" });
  await expect(ledger.getByRole("row")).toHaveCount(3);

  // The top bar's figure leads back here.
  await page.goto("/contacts");
  await topBar.getByRole("link", { name: "1,500 credits" }).click();
  await expect(page).toHaveURL(/\/settings\/credits$/);
});
