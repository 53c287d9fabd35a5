import { closeDb } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

type Stopper = () => Promise<unknown> | unknown;

/**
 * Shared start-up and shutdown for the long-running processes (worker, relay, mail catcher):
 * migrate unless a supervisor already did, then on SIGTERM/SIGINT run the stoppers in reverse order,
 * close the pool and exit. A second signal exits at once.
 */
export const startProcess = async (name: string) => {
  process.env.HERALD_PROCESS ??= name;
  const config = env();
  if (process.env.HERALD_SKIP_MIGRATE !== "1") await migrateDatabase(config.DATABASE_URL);

  const stoppers: Stopper[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, `${name} stopping`);
    for (const stop of stoppers.reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.error({ err: error }, "error while stopping");
      }
    }
    await closeDb();
    logger.info(`${name} stopped`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

  // `stop` runs the same graceful path as a signal, for a process told to stop some other way.
  return { config, onStop: (stop: Stopper) => stoppers.push(stop), stop: (reason: string) => shutdown(reason) };
};
