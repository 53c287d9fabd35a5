import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/server/db/migrate";
import { isPortFree, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const freePort = async () => {
  for (let port = 55_400 + Math.floor(Math.random() * 500); port < 56_000; port++) if (await isPortFree(port)) return port;
  throw new Error("no free port for the test database");
};

/**
 * One real Postgres for the whole run, in a throwaway folder (under the system temp dir, which the
 * `postgres` user can enter when tests run as root). Each test makes its own workspace, so tests
 * share the database without seeing each other's data. DATABASE_URL, when set, is used instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    await migrateDatabase(process.env.TEST_DATABASE_URL);
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "herald-test-pg-"));
  await chmod(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort(), ephemeral: true });
  await migrateDatabase(pg.url);
  project.provide("databaseUrl", pg.url);
  return async () => {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
