import { expect, test, type Page } from "@playwright/test";
import { signUpWithWorkspace } from "../fixtures/accounts";

/**
 * A marketer builds an audience by hand: defines an attribute, adds a contact with consent and
 * attributes (and sees field errors and a duplicate refused), edits it, records SMS consent,
 * puts it on a list, manages the list's members, then deletes list and contact.
 */
const unique = Date.now().toString(36);
const owner = { name: "Mia Marketer", email: `mia-${unique}@example.test`, password: "correct horse battery staple" };

const start = (page: Page) => signUpWithWorkspace(page, owner, `Audience ${unique}`);

test("attributes, contacts, consent and lists, end to end", async ({ page }) => {
  // One long flow through every audience page: give it three times the default minute.
  test.slow();
  await start(page);
  await expect(page.getByText("No contacts yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Import a CSV file" })).toHaveAttribute("href", "/contacts/imports");

  // An attribute: the key follows the label; built-in names are refused.
  await page.getByRole("link", { name: "Attributes" }).click();
  await page.getByLabel("Label").fill("Lifetime value");
  await expect(page.getByLabel("Key")).toHaveValue("lifetime_value");
  await page.getByLabel("Type").selectOption("number");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await expect(page.getByRole("row", { name: /lifetime_value/ })).toBeVisible();
  await page.getByLabel("Label").fill("Email");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await expect(page.getByText("This is a built-in contact field; choose another key")).toBeVisible();

  // A contact: field errors first, then a good one.
  await page.getByRole("link", { name: "All contacts" }).click();
  await page.getByRole("button", { name: "Add contact" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email", { exact: true }).fill("not-an-email");
  await dialog.getByLabel("Phone", { exact: true }).fill("12345");
  await dialog.getByLabel("Phone country").selectOption("HK");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog.getByText("Enter a valid email address, such as ana@example.com")).toBeVisible();
  await expect(dialog.getByText("Not a valid phone number for HK")).toBeVisible();

  await dialog.getByLabel("Email", { exact: true }).fill(`Ana.${unique}@Example.com`);
  await dialog.getByLabel("Phone", { exact: true }).fill("6123 4567");
  await dialog.getByLabel("First name").fill("Ana");
  await dialog.getByLabel("Last name").fill("Li");
  await dialog.getByLabel("Email marketing").selectOption("subscribed");
  await dialog.getByLabel("Lifetime value").fill("120.5");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  const contactUrl = page.url();
  await expect(page.getByRole("heading", { name: "Ana Li" })).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(`ana.${unique}@example.com`);
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("+85261234567");
  await expect(page.getByLabel("Lifetime value")).toHaveValue("120.5");
  await expect(page.getByText("Email subscribed by hand")).toBeVisible();

  // The same address again is refused, naming the field.
  await page.goto("/contacts");
  await page.getByRole("button", { name: "Add contact" }).click();
  await dialog.getByLabel("Email", { exact: true }).fill(`ana.${unique}@example.com`);
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog.getByText("A contact with this email already exists")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByLabel("Search contacts").fill("ana");
  await expect(page.getByRole("link", { name: "Ana Li" })).toBeVisible();
  await expect(page.getByText("1–1 of 1")).toBeVisible();

  // Edit, with a locale error on the way.
  await page.goto(contactUrl);
  await page.getByLabel("Locale").fill("not a locale!");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText('"not a locale!" is not a language tag, such as en or zh-Hant-HK')).toBeVisible();
  await page.getByLabel("Locale").fill("zh-hant-hk");
  await page.getByLabel("Last name").fill("Lee");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Ana Lee" })).toBeVisible();
  await expect(page.getByLabel("Locale")).toHaveValue("zh-Hant-HK");

  // SMS consent, with a note, lands in the history.
  await page.getByLabel("New SMS consent").selectOption("subscribed");
  await page.getByLabel("Note (optional)").fill("Asked at the counter");
  await page.locator("form", { has: page.getByLabel("New SMS consent") }).getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("“Asked at the counter”")).toBeVisible();
  await expect(page.getByText("SMS subscribed by hand")).toBeVisible();

  // A list: create it, add the contact by searching, change the member's status, see the counts.
  await page.goto("/lists");
  await page.getByRole("button", { name: "Create list" }).click();
  await dialog.getByLabel("Name").fill("Newsletter");
  await dialog.getByRole("button", { name: "Create list" }).click();
  await expect(page).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Nobody is on this list yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add contacts" }).click();
  await dialog.getByLabel("Search contacts").fill("ana");
  await expect(dialog.getByRole("checkbox", { name: /Ana Lee/ })).toHaveCount(1);
  await dialog.getByRole("checkbox", { name: /Ana Lee/ }).check();
  await dialog.getByRole("button", { name: "Add 1 contact" }).click();
  await expect(dialog.getByText("Added 1 contact.")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("link", { name: "Ana Lee" })).toBeVisible();
  await expect(page.getByRole("img", { name: /New subscriptions, unsubscribes and bounces per day/ })).toBeVisible();
  await page.getByLabel("Status of Ana Lee").selectOption("unsubscribed");
  await expect(page.locator("p", { hasText: /^Unsubscribed$/ }).locator("xpath=following-sibling::p")).toHaveText("1");

  // The contact's page shows the membership; the list goes, the contact stays, then goes too.
  await page.goto(contactUrl);
  await expect(page.getByRole("link", { name: "Newsletter" })).toBeVisible();
  await page.goto("/lists");
  await page.getByRole("link", { name: "Newsletter" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete list" }).click();
  await expect(page).toHaveURL(/\/lists$/);
  await expect(page.getByText("No lists yet")).toBeVisible();
  await page.goto(contactUrl);
  await expect(page.getByText("Not on any list.")).toBeVisible();
  await page.getByRole("button", { name: "Delete contact" }).click();
  await dialog.getByRole("button", { name: "Delete contact" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByText("No contacts yet")).toBeVisible();
});
