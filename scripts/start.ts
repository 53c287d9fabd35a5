/**
 * `npm start`: the whole product on one box with zero set-up.
 *   Postgres (embedded unless DATABASE_URL is set) → migrations → demo seed → Next build if needed →
 *   web, worker, relay and mail catcher as child processes with prefixed log lines.
 * Ctrl-C (or SIGTERM) stops the children first, then Postgres, and leaves nothing running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import {
  firstClosedParent,
  isPortFree,
  runsAsRoot,
  startEmbeddedPostgres,
  StartupError,
  type RunningPostgres,
} from "./lib/embedded-postgres";
import { loadOrCreateSecret, localConfig, projectRoot } from "./lib/local-config";
import { makePrefixer, pipeLines, useColor } from "./lib/log-lines";
import { needsBuild, nextBin, runNextBuild } from "./lib/next-build";
import { relaunchInOwnProcessGroup } from "./lib/own-process-group";
import { WORKER_NODE_FLAGS } from "../worker/node-flags";

const config = localConfig();
const WIDTH = 8;
const say = makePrefixer("herald", 6, WIDTH);
const log = (message: string) => process.stdout.write(`${say(message) ?? ""}\n`);
const bold = (text: string) => (useColor ? `\x1b[1m${text}\x1b[0m` : text);

type Child = { name: string; process: ChildProcess; exited: Promise<number | null> };
const children: Child[] = [];
let postgres: RunningPostgres | null = null;
let stopping = false;

/** Short-lived helpers (the Next build) that must not outlive a stop either. */
const helpers = new Set<ChildProcess>();

const stopChildren = async () => {
  for (const helper of helpers) helper.kill("SIGTERM");
  for (const child of children) if (child.process.exitCode === null) child.process.kill("SIGTERM");
  // Under embedded-postgres's own exit hook, which exits the process after 10 s whatever happens.
  const deadline = new Promise((resolve) => setTimeout(resolve, 8_000).unref());
  await Promise.race([Promise.all(children.map((c) => c.exited)), deadline]);
  for (const child of children) {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      log(`${child.name} did not stop in 8 s; killing it`);
      child.process.kill("SIGKILL");
    }
  }
};

let shutdown: Promise<void> | undefined;
/** Children first, whoever asks first: our signal handler or embedded-postgres's exit hook. */
const stopChildrenOnce = () =>
  (shutdown ??= (async () => {
    stopping = true;
    log("stopping…");
    await stopChildren();
  })());

let finalShutdown: Promise<void> | undefined;
/** One shutdown, however many signals or failures ask for it; exits only once Postgres is down. */
const stopAll = (exitCode: number) =>
  (finalShutdown ??= (async () => {
    await stopChildrenOnce();
    if (postgres) {
      log("stopping Postgres");
      await postgres.stop().catch((error) => log(`Postgres stop failed: ${(error as Error).message}`));
    }
    log("stopped");
    process.exit(exitCode);
  })());

const startChild = (name: string, index: number, args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env, HERALD_PROCESS: name, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = makePrefixer(name, index, WIDTH);
  pipeLines(child.stdout!, prefix);
  pipeLines(child.stderr!, prefix);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  children.push({ name, process: child, exited });
  void exited.then((code) => {
    // A worker disabled on the Sending nodes page finishes its jobs and exits 0 on purpose.
    if (!stopping && name === "worker" && code === 0) {
      log("worker stopped (disabled on the Sending nodes page); the rest keeps running, restart to bring it back");
    } else if (!stopping) {
      log(`${name} exited unexpectedly (code ${code}); stopping everything`);
      void stopAll(1);
    }
  });
  return child;
};

const assertPortsFree = async (ports: Array<[string, string, number]>) => {
  for (const [what, variable, port] of ports) {
    if (port > 0 && !(await isPortFree(port, "0.0.0.0"))) {
      throw new StartupError(`Port ${port} (${what}) is already in use. Stop what holds it, or set ${variable} to a free port.`);
    }
  }
};

const waitForHealth = async (url: string, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
};

/**
 * As root, Postgres runs as the `postgres` user, which cannot reach a checkout under a private home
 * folder such as /root. Rather than fail, keep the cluster in /var/lib/herald (one folder per
 * checkout) and say so. An explicit HERALD_DATA_DIR is always used as given.
 */
const postgresDataDir = async () => {
  const preferred = path.join(config.dataDir, "pg");
  if (process.env.HERALD_DATA_DIR || !runsAsRoot()) return preferred;
  const closed = await firstClosedParent(preferred);
  if (!closed) return preferred;
  const id = createHash("sha1").update(projectRoot).digest("hex").slice(0, 10);
  const fallback = path.join("/var/lib/herald", id, "pg");
  log(`the postgres user cannot enter ${closed}, so the database lives in ${fallback}`);
  return fallback;
};

const main = async () => {
  log(`starting Herald (data in ${path.relative(projectRoot, config.dataDir) || "."})`);
  await assertPortsFree([
    ["web", "PORT", config.webPort],
    ["SMTP relay", "RELAY_PORT", config.relayPort],
    ["mail catcher SMTP", "MAIL_CATCHER_SMTP_PORT", config.mailSmtpPort],
    ["mail catcher viewer", "MAIL_CATCHER_HTTP_PORT", config.mailHttpPort],
    ["worker metrics", "WORKER_METRICS_PORT", config.workerMetricsPort],
    ["relay metrics", "RELAY_METRICS_PORT", config.relayMetricsPort],
  ]);

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log("using DATABASE_URL");
  } else {
    const pgDir = await postgresDataDir();
    log(`starting embedded Postgres on 127.0.0.1:${config.pgPort} (data in ${pgDir})`);
    const pgLog = makePrefixer("postgres", 5, WIDTH);
    postgres = await startEmbeddedPostgres({
      dataDir: pgDir,
      port: config.pgPort,
      // Throwaway data (e2e runs): skip fsync, the folder is deleted on stop anyway.
      ephemeral: process.env.HERALD_EPHEMERAL_DATA === "1",
      beforeStop: stopChildrenOnce,
      afterStop: async () => {
        if (process.env.HERALD_EPHEMERAL_DATA === "1") await rm(config.dataDir, { recursive: true, force: true });
      },
      onLog: (line) => {
        // Postgres logs every failed statement (expected ones too) and its start-up chatter;
        // show only what threatens the server itself.
        if (/FATAL|PANIC/.test(line) && !stopping) process.stdout.write(`${pgLog(line)}\n`);
      },
    });
    databaseUrl = postgres.url;
  }

  const mailCatcherUrl = `http://127.0.0.1:${config.mailHttpPort}`;
  const shared: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: await loadOrCreateSecret(config.dataDir),
    APP_URL: config.appUrl,
    SYSTEM_SMTP_URL: process.env.SYSTEM_SMTP_URL ?? `smtp://127.0.0.1:${config.mailSmtpPort}`,
    DELIVERY_SMTP_URL: process.env.DELIVERY_SMTP_URL ?? `smtp://127.0.0.1:${config.mailSmtpPort}`,
    MAIL_CATCHER_URL: mailCatcherUrl,
    HERALD_SKIP_MIGRATE: "1",
  };
  Object.assign(process.env, shared);

  // Imported only now: these read the environment set just above.
  const { migrateDatabase } = await import("@/server/db/migrate");
  const { seedDemo } = await import("./lib/seed-demo");
  const { closeDb } = await import("@/server/db/client");

  log("applying migrations");
  await migrateDatabase(databaseUrl);
  const demo = process.env.HERALD_SEED_DEMO === "0" ? null : await seedDemo(config.dataDir);
  await closeDb();

  const buildReason = await needsBuild(projectRoot);
  if (buildReason) {
    log(`building the web app (${buildReason}); this takes a minute or two the first time`);
    const buildPrefix = makePrefixer("build", 4, WIDTH);
    await runNextBuild(
      projectRoot,
      (stream) => pipeLines(stream, buildPrefix),
      (child) => {
        helpers.add(child);
        child.on("exit", () => helpers.delete(child));
      },
    );
    if (stopping) return;
  }

  const tsx = ["--import", "tsx"];
  startChild("mail", 3, [...tsx, "scripts/mail-catcher/index.ts"], {
    MAIL_CATCHER_SMTP_PORT: String(config.mailSmtpPort),
    MAIL_CATCHER_HTTP_PORT: String(config.mailHttpPort),
  });
  startChild("worker", 1, [...WORKER_NODE_FLAGS, ...tsx, "worker/index.ts"], { WORKER_METRICS_PORT: String(config.workerMetricsPort) });
  startChild("relay", 2, [...tsx, "relay/index.ts"], {
    RELAY_PORT: String(config.relayPort),
    RELAY_METRICS_PORT: String(config.relayMetricsPort),
  });
  startChild("web", 0, [nextBin(projectRoot), "start", "-p", String(config.webPort), "-H", config.webHost], {
    NODE_ENV: "production",
  });

  if (!(await waitForHealth(`http://127.0.0.1:${config.webPort}/api/health`))) {
    if (!stopping) log("the web app did not become healthy in 2 minutes; see its lines above");
    return;
  }
  const lines = [
    "",
    bold(`Herald is running at ${config.appUrl}`),
    demo?.credentials
      ? `  Sign in as ${bold(demo.credentials.email)} with password ${bold(demo.credentials.password)}${demo.created ? "" : " (created on first run)"}`
      : "  Sign up at the URL above to create your account and workspace.",
    `  Mail caught locally:  ${mailCatcherUrl}  (and the Outbox page in the app)`,
    `  SMTP relay:           smtp://localhost:${config.relayPort}  (AUTH with an API key that has the smtp scope)`,
    `  Health:               ${config.appUrl}/api/health · metrics at /api/metrics, worker :${config.workerMetricsPort}/metrics, relay :${config.relayMetricsPort}/metrics`,
    "  Press Ctrl-C to stop everything.",
    "",
  ];
  for (const line of lines) log(line);
};

if (!relaunchInOwnProcessGroup()) {
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  main().catch(async (error) => {
    if (error instanceof StartupError) log(`cannot start: ${error.message}`);
    // A child killed by our own shutdown (e.g. the build) is not a start-up failure worth a stack.
    else if (!stopping) log(`start-up failed: ${(error as Error).stack ?? error}`);
    await stopAll(1);
  });
}
