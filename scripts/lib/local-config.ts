import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every port and folder `npm start` uses, each overridable by an environment variable. */
export const localConfig = () => {
  const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const webPort = port("PORT", 3000);
  return {
    dataDir: path.resolve(projectRoot, process.env.HERALD_DATA_DIR ?? ".data"),
    webPort,
    webHost: process.env.HOSTNAME_BIND ?? "0.0.0.0",
    appUrl: process.env.APP_URL ?? `http://localhost:${webPort}`,
    pgPort: port("HERALD_PG_PORT", 54329),
    relayPort: port("RELAY_PORT", 2587),
    mailSmtpPort: port("MAIL_CATCHER_SMTP_PORT", 1025),
    mailHttpPort: port("MAIL_CATCHER_HTTP_PORT", 1080),
    workerMetricsPort: port("WORKER_METRICS_PORT", 9464),
    relayMetricsPort: port("RELAY_METRICS_PORT", 9465),
  };
};

/** The session-signing secret: from the environment, or made once and kept in the data folder. */
export const loadOrCreateSecret = async (dataDir: string) => {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing?.trim()) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
};
