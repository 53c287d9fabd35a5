import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isPortFree, startEmbeddedPostgres } from "../../lib/embedded-postgres";

/**
 * A throwaway embedded Postgres for a benchmark (or BENCH_DATABASE_URL), migrated, with the process
 * env pointing at it. Call before importing anything that reads the environment.
 */
export const startBenchDatabase = async () => {
  let url = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "herald-bench-"));
    await chmod(dir, 0o755);
    let port = 56_100;
    while (!(await isPortFree(port))) port++;
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port, ephemeral: true });
    url = pg.url;
    stop = async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  Object.assign(process.env, {
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-000",
    APP_URL: "http://localhost:3999",
    LOG_LEVEL: "silent",
    HERALD_DISABLE_RATE_LIMIT: "1",
  });
  const { migrateDatabase } = await import("@/server/db/migrate");
  await migrateDatabase(url);
  return { url, stop };
};
