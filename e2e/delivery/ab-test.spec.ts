import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * Setting up an A/B test on a draft: switch it on, write the variants, add and remove one; a blank
 * variant is named beside its input by the server, and what was saved comes back after a reload.
 */
test("campaign A/B test: configure subject variants on a draft, with a blank variant named", async ({ page }) => {
  const owner = newPerson("Abe Tester");
  const unique = Date.now().toString(36);
  await signUpWithWorkspace(page, owner, `AB ${unique}`);

  await page.goto("/campaigns");
  await page.getByRole("button", { name: "New campaign" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Subject test");
  await dialog.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);

  await page.getByLabel("Test variants on part of the audience first, then send the winner to the rest").check();
  await expect(page.getByLabel("What to test")).toHaveValue("subject");
  await page.getByLabel("Variant A subject").fill("Spring is here, {{ contact.first_name | default: 'friend' }}");
  await page.getByRole("button", { name: "Add variant" }).click();
  await page.getByLabel("Variant C subject").fill("Last call");
  await page.getByLabel("Test on (% of the audience)").fill("30");
  await page.getByLabel("Pick the winner by").selectOption("clicks");
  await page.getByLabel("Pick the winner after (hours)").fill("2");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Write this variant's subject")).toBeVisible();
  await expect(page.getByLabel("Variant B subject")).toHaveAttribute("aria-invalid", "true");

  // Remove the blank one: C becomes B.
  await page.getByRole("button", { name: "Remove variant B" }).click();
  await expect(page.getByLabel("Variant B subject")).toHaveValue("Last call");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Test variants on part of the audience first, then send the winner to the rest")).toBeChecked();
  await expect(page.getByLabel("Variant A subject")).toHaveValue("Spring is here, {{ contact.first_name | default: 'friend' }}");
  await expect(page.getByLabel("Variant B subject")).toHaveValue("Last call");
  await expect(page.getByLabel("Variant C subject")).toHaveCount(0);
  await expect(page.getByLabel("Test on (% of the audience)")).toHaveValue("30");
  await expect(page.getByLabel("Pick the winner by")).toHaveValue("clicks");
  await expect(page.getByLabel("Pick the winner after (hours)")).toHaveValue("2");
});
