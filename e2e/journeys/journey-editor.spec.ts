import { expect, test, type Page } from "@playwright/test";
import { createHeraldClient } from "../../sdk";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";
import { connectSteps, dropStep, edges, pane, sidePanel, stepNodes } from "./canvas";

// Room for a six-step journey at zoom 1 beside the palette and the side panel.
test.use({ viewport: { width: 1700, height: 1200 } });

/** A subscribed contact, a sender and a code template with a subject: what a journey's email needs. */
const prepareWorkspace = async (page: Page, { email, sender, subject }: { email: string; sender: string; subject: string }) => {
  const dialog = page.getByRole("dialog");
  await page.getByRole("button", { name: "Add contact" }).first().click();
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByLabel("First name").fill("Jo");
  await dialog.getByLabel("Email marketing").selectOption("subscribed");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);

  await page.goto("/settings/senders");
  await page.getByLabel("Name").fill("Journey Shop");
  await page.getByLabel("From address").fill(sender);
  await page.getByRole("button", { name: "Add sender" }).click();
  await expect(page.getByRole("row", { name: /Journey Shop/ })).toBeVisible();

  await page.goto("/templates");
  await page.getByRole("button", { name: "New template" }).click();
  await dialog.getByLabel("Name").fill("Welcome email");
  await dialog.getByText("MJML or HTML code").click();
  await dialog.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/email\/[0-9a-f-]{36}$/);
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("From").selectOption({ label: `Journey Shop <${sender}>` });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
};

/** An API key that may enter contacts into journeys; returns its secret. */
const createApiKey = async (page: Page) => {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Key name").fill("Shop backend");
  await page.getByRole("checkbox", { name: "send" }).check();
  await page.getByRole("checkbox", { name: "contacts:write" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  return secret;
};

/**
 * A marketer builds a journey on the canvas: drags an API-call trigger, a wait, a branch, two sends
 * and an exit onto it, connects them handle to handle, configures them in the side panel, sees the
 * send without a template flagged on the node itself, fixes it and publishes. Their backend enters
 * a contact through the SDK; the worker walks the journey and the email lands in the Outbox, and
 * the live canvas counts the contact on the steps. A later edit is published as version 2.
 */
test("journey editor: build on the canvas, see and fix a problem, publish, enter a contact through the SDK, email in the Outbox", async ({ page }) => {
  test.slow();
  const unique = Date.now().toString(36);
  const contactEmail = `jo.${unique}@example.com`;
  const subject = `Welcome aboard ${unique}`;
  await signUpWithWorkspace(page, newPerson("Jules Journey"), `Journeys ${unique}`);
  await prepareWorkspace(page, { email: contactEmail, sender: `hello-${unique}@shop.example`, subject });
  const apiKey = await createApiKey(page);

  // A blank journey from the gallery.
  await page.goto("/journeys");
  await expect(page.getByText("No journeys yet")).toBeVisible();
  await page.getByRole("button", { name: "New journey" }).click();
  const dialog = page.getByRole("dialog", { name: "New journey" });
  await expect(dialog.getByRole("radio", { name: /Abandoned cart/i })).toBeVisible();
  await dialog.getByRole("radio", { name: /Blank journey/ }).check();
  await dialog.getByLabel("Name").fill("Welcome flow");
  await dialog.getByRole("button", { name: "Create journey" }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  const journeyId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: "Welcome flow" })).toBeVisible();
  await expect(page.getByTestId("journey-version")).toHaveText("Not published yet");
  await expect(page.getByRole("region", { name: "Journey settings" })).toBeVisible();

  // Steps dragged from the palette: two columns, four rows, clear of the controls (bottom left) and the minimap (top right).
  const box = (await pane(page).boundingBox())!;
  expect(box.width).toBeGreaterThan(560);
  expect(box.height).toBeGreaterThan(820);
  const colA = 150;
  const colB = Math.min(460, box.width - 160);
  const row = (n: number) => 50 + n * 200;
  const trigger = await dropStep(page, "API call", { x: colA, y: row(0) });
  await expect(trigger).toHaveClass(/selected/);
  await expect(sidePanel(page).getByRole("heading", { name: "API call" })).toBeVisible();
  const wait = await dropStep(page, "Wait", { x: colA, y: row(1) });
  const branch = await dropStep(page, "Branch", { x: colA, y: row(2) });
  const sendYes = await dropStep(page, "Send email", { x: colA, y: row(3) });
  const sendNo = await dropStep(page, "Send email", { x: colB, y: row(3) });
  const exit = await dropStep(page, "Exit", { x: colB, y: row(1) });
  await expect(stepNodes(page, "send_email")).toHaveCount(2);

  // Unconnected steps are flagged where they are.
  await expect(wait.getByRole("group", { name: /^Wait step, \d+ problems?$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /problems? to fix before publishing/ })).toBeVisible();

  // Connected handle to handle; the branch's outputs are labelled.
  await expect(branch.getByText("Yes", { exact: true })).toBeVisible();
  await expect(branch.getByText("No", { exact: true })).toBeVisible();
  await connectSteps(page, trigger, "next", wait);
  await connectSteps(page, wait, "next", branch);
  await connectSteps(page, branch, "yes", sendYes);
  await connectSteps(page, branch, "no", sendNo);
  await connectSteps(page, sendYes, "next", exit);
  await connectSteps(page, sendNo, "next", exit);
  await expect(edges(page)).toHaveCount(6);

  // Copy, paste, delete by keyboard, undo and redo.
  await exit.click();
  await page.keyboard.press("ControlOrMeta+C");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(stepNodes(page, "exit")).toHaveCount(2);
  await page.keyboard.press("Delete");
  await expect(stepNodes(page, "exit")).toHaveCount(1);
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(stepNodes(page, "exit")).toHaveCount(2);
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(stepNodes(page, "exit")).toHaveCount(1);
  await expect(edges(page)).toHaveCount(6);

  // Configure: a short wait, a rule for the branch, a template on the "yes" send only.
  const panel = sidePanel(page);
  await wait.click();
  await panel.getByLabel("Wait amount").fill("2");
  await panel.getByLabel("Wait unit").selectOption("seconds");
  await expect(wait.getByTestId("node-summary")).toHaveText("For 2 seconds");
  await branch.click();
  // The side panel lists where each output leads (the same edges, pickable without a mouse).
  await expect(panel.getByLabel("Next step after “No”")).toHaveValue((await sendNo.getAttribute("data-id"))!);
  await panel.getByRole("button", { name: "Contact field" }).click();
  await expect(branch.getByTestId("node-summary")).toHaveText("Matches 1 rule");
  await sendYes.click();
  await panel.getByLabel("Email template").selectOption({ label: "Welcome email" });
  await expect(sendYes.getByTestId("node-summary")).toHaveText("Welcome email");
  await expect(sendYes.locator("[data-invalid]")).toHaveCount(0);

  // The other send has no template: the node says so, and so does the list, which selects it.
  const flagged = sendNo.locator("[data-invalid]");
  await expect(flagged).toBeVisible();
  await expect(sendNo.getByRole("list", { name: "Step problems" })).toContainText("choose an email template");
  await expect(page.getByRole("heading", { name: "1 problem to fix before publishing" })).toBeVisible();
  await page.getByRole("list", { name: "Problems", exact: true }).getByRole("button", { name: /choose an email template/ }).click();
  await expect(sendNo).toHaveClass(/selected/);
  await panel.getByLabel("Email template").selectOption({ label: "Welcome email" });
  await expect(flagged).toHaveCount(0);
  await expect(page.getByText("No problems: ready to publish.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  // Publish.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText("Live");
  await expect(page.getByTestId("journey-version")).toHaveText("Version 1 live");

  // The shop's backend enters the contact through the SDK.
  const herald = createHeraldClient({ baseUrl: new URL(page.url()).origin, apiKey });
  const entered = await herald.journeyRuns.enter.mutate({ journeyId, contact: { email: contactEmail } });
  expect(entered.entered).toBe(true);

  // The worker walks the journey (2 seconds' wait, the branch's "yes"), and the email arrives.
  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.getByText(subject)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByText(subject).first().click();
  await expect(page.getByText(contactEmail).first()).toBeVisible();

  // Back on the live canvas: the contact is counted on the steps it passed.
  await page.goto(`/journeys/${journeyId}`);
  await expect(stepNodes(page, "trigger_api").locator('[data-stat="entered"]')).toHaveText("1", { timeout: 20_000 });
  await expect(stepNodes(page, "send_email").first().locator('[data-stat="entered"]')).toHaveText("1");
  await expect(stepNodes(page, "send_email").nth(1).locator('[data-stat="entered"]')).toHaveText("0");

  // The list shows it live, version 1.
  await page.goto("/journeys");
  const journeyRow = page.getByRole("row", { name: /Welcome flow/ });
  await expect(journeyRow).toContainText("Live");
  await expect(journeyRow).toContainText("v1");

  // Editing the live journey: the change waits unpublished until it becomes version 2. Pause, resume.
  await journeyRow.getByRole("link", { name: "Welcome flow" }).click();
  await expect(page.getByTestId("journey-version")).toHaveText("Version 1 live");
  await expect(page.getByRole("button", { name: "Publish changes" })).toBeDisabled();
  await stepNodes(page, "wait_duration").click();
  await sidePanel(page).getByLabel("Wait amount").fill("5");
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByText("Published version 2.")).toBeVisible();
  await expect(page.getByTestId("journey-version")).toHaveText("Version 2 live");
  await expect(page.getByText("Unpublished changes")).toHaveCount(0);
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await expect(page.getByRole("region", { name: "Published versions" }).getByRole("listitem")).toHaveText([/^Version 2\s*current/, /^Version 1/]);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("Paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("Live");
});

/** Two tabs on one draft: the second save names a revision that is gone, and is refused rather than overwriting. */
test("journey editor: a save over someone else's newer save is refused, and reloading shows theirs", async ({ page, context }) => {
  const unique = Date.now().toString(36);
  await signUpWithWorkspace(page, newPerson("Tab Twice"), `Tabs ${unique}`);
  await page.goto("/journeys");
  await page.getByRole("button", { name: "New journey" }).click();
  const dialog = page.getByRole("dialog", { name: "New journey" });
  await dialog.getByLabel("Name").fill("Shared draft");
  await dialog.getByRole("button", { name: "Create journey" }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);

  const other = await context.newPage();
  await other.setViewportSize({ width: 1700, height: 1200 });
  await other.goto(page.url());
  await other.getByLabel("Journey name").fill("Renamed in the other tab");
  await expect(other.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  await page.getByLabel("Journey name").fill("Renamed here");
  const refused = page.getByRole("status").filter({ hasText: "Someone else saved this journey" });
  await expect(refused).toBeVisible();
  await refused.getByRole("button", { name: "Reload the journey" }).click();
  await expect(page.getByRole("heading", { name: "Renamed in the other tab" })).toBeVisible();
  await expect(page.getByLabel("Journey name")).toHaveValue("Renamed in the other tab");
});
