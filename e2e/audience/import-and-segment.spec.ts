import { expect, test } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/**
 * A marketer imports a CSV through the browser (one bad row among good ones), into a list, then builds
 * a segment whose live count matches the rows that should match: city is Hong Kong, age over 30,
 * and on the imported list.
 */
const CSV = [
  "Email,Mobile,First name,City,Age",
  "ana@example.test,+852 9123 4567,Ana,Hong Kong,34",
  "bo@example.test,+853 6612 3456,Bo,Macau,41",
  "cy@example.test,,Cy,Hong Kong,45",
  "dee@example.test,,Dee,Hong Kong,22",
  "not-an-email,,Eve,Hong Kong,50",
].join("\r\n");

test("import a CSV in the browser and build a segment with the right live count", async ({ page }) => {
  test.slow();
  const unique = Date.now().toString(36);
  await signUpWithWorkspace(page, newPerson("Ida Importer"), `Imports ${unique}`);

  // A list to import into.
  await page.goto("/lists");
  await page.getByRole("button", { name: /new list|create list/i }).first().click();
  await page.getByLabel("Name").fill("Spring fair");
  await page.getByRole("button", { name: /create list/i }).last().click();
  await expect(page.getByText("Spring fair").first()).toBeVisible();

  // Upload, map (email, phone and first name are guessed; City and Age become new attributes).
  await page.goto("/contacts/imports/new");
  await page.getByLabel("CSV file").setInputFiles({ name: "spring-fair.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await expect(page.getByRole("table", { name: "Column mapping" })).toBeVisible();
  await expect(page.getByLabel("Import column Email as")).toHaveValue("field:email");
  await expect(page.getByLabel("Import column Mobile as")).toHaveValue("field:phone");
  await page.getByLabel("Import column City as").selectOption("new");
  await page.getByLabel("Key of the new attribute for City").fill("city");
  await page.getByLabel("Import column Age as").selectOption("new");
  await page.getByLabel("Key of the new attribute for Age").fill("age");
  await page.getByLabel("Type of the new attribute for Age").selectOption("number");
  await page.getByLabel("Add everyone to a list").selectOption({ label: "Spring fair" });
  await page.getByRole("button", { name: "Start import" }).click();

  // The import runs on the worker; the page follows it to the end.
  await expect(page.getByText("Added", { exact: true })).toBeVisible({ timeout: 60_000 });
  const added = page.locator("dt", { hasText: /^Added$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(added).toHaveText("4");
  const rejected = page.locator("dt", { hasText: /^Rejected$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(rejected).toHaveText("1");
  await expect(page.getByRole("table", { name: "Rejected rows" })).toContainText("not-an-email");

  // Segment: city = Hong Kong AND age > 30 AND on the list → Ana and Cy.
  await page.goto("/segments/new");
  await page.getByLabel("Name").fill("Hong Kong over 30");
  await page.getByRole("button", { name: "Contact field" }).click();
  await page.getByLabel("Field").last().selectOption("attributes.city");
  await page.getByLabel("Condition").last().selectOption("equals");
  await page.getByLabel("Value").last().fill("Hong Kong");
  await page.getByRole("button", { name: "Contact field" }).click();
  await page.getByLabel("Field").last().selectOption("attributes.age");
  await page.getByLabel("Condition").last().selectOption("gt");
  await page.getByLabel("Value").last().fill("30");
  await page.getByRole("button", { name: "List membership" }).click();
  await expect(page.getByTestId("segment-count")).toHaveText("2", { timeout: 15_000 });
  const sample = page.getByRole("table", { name: "Matching contacts" });
  await expect(sample).toContainText("ana@example.test");
  await expect(sample).toContainText("cy@example.test");
  await expect(sample).not.toContainText("dee@example.test");
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: "Save changes" })).toBeDisabled();

  // The saved segment exports as CSV: exactly its members.
  const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await (await page.request.get(exportHref!)).text();
  expect(csv).toContain("ana@example.test");
  expect(csv).toContain("cy@example.test");
  expect(csv).not.toContain("dee@example.test");
  expect(csv.trim().split(/\r?\n/)).toHaveLength(3);

  await page.goto("/segments");
  await expect(page.getByRole("row", { name: /Hong Kong over 30/ })).toContainText("2");
});
