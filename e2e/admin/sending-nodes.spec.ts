import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect, test, type Page } from "@playwright/test";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";

/*
 * The Sending nodes page as an instance operator uses it. On a fresh install the operator is the
 * owner of the oldest workspace: `npm start`'s demo user, whose password this spec resets by email.
 * It disables a second worker it starts itself, so the stack's own worker keeps serving later specs.
 */
const offset = Number(process.env.E2E_PORT ?? 3100) - 3100;
const databaseUrl = `postgres://herald:herald@127.0.0.1:${process.env.E2E_PG_PORT ?? 54401 + offset}/herald`;
const mailViewer = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 1180 + offset}`;
const DEMO_EMAIL = "demo@herald.localhost";
const NEW_PASSWORD = "operator passphrase for e2e";

let extraWorker: ChildProcess | undefined;

test.afterAll(async () => {
  if (extraWorker && extraWorker.exitCode === null && extraWorker.signalCode === null) extraWorker.kill("SIGKILL");
});

const signInAsDemoOperator = async (page: Page) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();

  // The worker delivers the reset mail to the local mail catcher, whose viewer links its text.
  await expect(async () => {
    await page.goto(mailViewer);
    await page.getByRole("row").filter({ hasText: DEMO_EMAIL }).last().getByRole("link").click({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: /reset-password/ }).first().click();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Confirm password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/contacts/);
};

test("a member of a newer workspace is not shown sending nodes", async ({ page }) => {
  await signUpWithWorkspace(page, newPerson("Nora Newcomer"), "Newcomer Co");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sending nodes" })).toHaveCount(0);
  await page.goto("/admin/nodes");
  await expect(page.getByText("Only the instance's administrators can see sending nodes")).toBeVisible();
  await expect(page.getByRole("table", { name: "Sending nodes" })).toHaveCount(0);
});

test("the instance's operator watches the nodes and disables one, which drains and stops", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsDemoOperator(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sending nodes" }).click();
  await expect(page).toHaveURL(/\/admin\/nodes/);
  await expect(page.getByRole("heading", { name: "Sending nodes" })).toBeVisible();
  const table = page.getByRole("table", { name: "Sending nodes" });
  // The stack's own worker, reporting in.
  await expect(table.getByRole("row").filter({ hasText: "active" }).first()).toBeVisible();

  extraWorker = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HERALD_SKIP_MIGRATE: "1",
      WORKER_METRICS_PORT: "0",
      SYSTEM_SMTP_URL: `smtp://127.0.0.1:${1125 + offset}`,
      DELIVERY_SMTP_URL: `smtp://127.0.0.1:${1125 + offset}`,
      BETTER_AUTH_SECRET: "e2e-extra-worker-secret-0123456789abcdef",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  const exited = once(extraWorker, "exit");
  const pid = String(extraWorker.pid);

  // It registers itself and shows up at the page's next refresh, heartbeating.
  const row = table.getByRole("row").filter({ has: page.getByRole("cell", { name: pid, exact: true }) });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByText("active", { exact: true })).toBeVisible();
  await expect(row).toContainText(/\d+ s ago/);

  await row.getByRole("button", { name: /^Disable / }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("finishes the ones in flight and exits");
  await dialog.getByRole("button", { name: "Disable node" }).click();
  await expect(dialog).toBeHidden();

  // At its next heartbeat it drains and exits cleanly; the page follows on its own.
  await expect(row.getByText("stopped", { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await exited).toEqual([0, null]);
  await expect(row.getByRole("button")).toHaveCount(0);
  // The stack's worker is untouched.
  await expect(table.getByRole("row").filter({ hasNotText: pid }).filter({ hasText: "active" }).first()).toBeVisible();
});
