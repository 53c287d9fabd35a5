import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive the real product: `npm start`'s own supervisor on its own ports and a fresh
 * embedded Postgres in a temp folder, in Debian's Chromium (Playwright cannot download browsers here).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Every other port moves with E2E_PORT, so two checkouts (or two engineers) can run e2e side by side.
const offset = PORT - 3100;
const port = (base: number) => String(base + offset);
const baseURL = `http://localhost:${PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `herald-e2e-${process.pid}`);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // Without it Playwright SIGKILLs the supervisor and leaves Next and Postgres behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      HERALD_DATA_DIR: dataDir,
      HERALD_EPHEMERAL_DATA: "1",
      PORT: String(PORT),
      APP_URL: baseURL,
      HERALD_PG_PORT: process.env.E2E_PG_PORT ?? port(54401),
      RELAY_PORT: port(2601),
      MAIL_CATCHER_SMTP_PORT: port(1125),
      MAIL_CATCHER_HTTP_PORT: process.env.E2E_MAIL_HTTP_PORT ?? port(1180),
      WORKER_METRICS_PORT: port(9474),
      RELAY_METRICS_PORT: port(9475),
      NO_COLOR: "1",
      // Every spec signs people up from 127.0.0.1, more than the 10 sign-ups a minute one address may
      // make; the limits themselves are tested in server/auth/*.integration.test.ts.
      HERALD_DISABLE_RATE_LIMIT: "1",
      // The SMS spec's SMSC listens on 127.0.0.1, which Herald refuses to connect to otherwise.
      HERALD_ALLOW_PRIVATE_URLS: "1",
    },
  },
});
