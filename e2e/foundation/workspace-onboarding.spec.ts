import { expect, test } from "@playwright/test";
import { fillSignUp } from "../fixtures/accounts";

/**
 * A newcomer's first session, in a real browser against `npm start`'s own processes:
 * sign up, create a workspace, invite a teammate, create an API key (and use it), sign out and in;
 * then the teammate signs up from the invitation link, finds the invitation email in their Outbox
 * (sent by the worker through the mail catcher) and joins.
 */
const unique = Date.now().toString(36);
const owner = { name: "Olivia Owner", email: `olivia-${unique}@example.test`, password: "correct horse battery staple" };
const teammate = { name: "Theo Teammate", email: `theo-${unique}@example.test`, password: "another long passphrase" };
const workspaceName = `Acme Marketing ${unique}`;

test("sign up, create a workspace, invite a member, create an API key, sign out and in", async ({ page, browser, request }) => {
  await page.goto("/sign-up");
  await fillSignUp(page, owner);

  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/contacts/);
  await expect(page.getByRole("button", { name: `Switch workspace (current: ${workspaceName})` })).toBeVisible();

  // Invite a teammate as an editor.
  await page.goto("/settings/members");
  await page.getByLabel("Email address").fill(teammate.email);
  await page.getByLabel("Invite as").selectOption("editor");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation email sent to ${teammate.email}`)).toBeVisible();
  const invitationLink = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(invitationLink).toMatch(/\/invitations\/accept\?token=/);

  // Create an API key; its secret is shown once and works against the API.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Key name").fill("CRM sync");
  await page.getByRole("checkbox", { name: "workspace:read" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^hrld_/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: "CRM sync", exact: true })).toBeVisible();

  const api = await request.get("/api/trpc/workspaces.current", { headers: { authorization: `Bearer ${secret}` } });
  expect(api.status()).toBe(200);
  expect((await api.json()).result.data.json).toMatchObject({ name: workspaceName, role: "editor" });

  // Sign out, then back in: the workspace is still there.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: `Switch workspace (current: ${workspaceName})` })).toBeVisible();
  await expect(page.getByText(teammate.email)).toBeVisible();

  // The teammate follows the link, signs up, and accepts.
  const teammateContext = await browser.newContext();
  const teammatePage = await teammateContext.newPage();
  await teammatePage.goto(invitationLink);
  await teammatePage.getByRole("link", { name: "Create an account" }).click();
  await fillSignUp(teammatePage, teammate);
  await expect(teammatePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await teammatePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(teammatePage.getByRole("button", { name: `Switch workspace (current: ${workspaceName})` })).toBeVisible();

  // The invitation email went out through the worker and the mail catcher to the teammate's Outbox.
  await expect(async () => {
    await teammatePage.goto("/outbox");
    await expect(teammatePage.getByText(`invited you to ${workspaceName}`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await teammateContext.close();

  // The owner now sees the teammate as an editor.
  await page.reload();
  await expect(page.getByRole("combobox", { name: `Role for ${teammate.name}` })).toHaveValue("editor");
});
