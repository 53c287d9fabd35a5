import os from "node:os";
import { logger } from "@/server/logger";

/**
 * Lowers this process's CPU priority (nice), so on a box shared with the web app and Postgres a big
 * send yields the CPU to page loads and report queries instead of competing with them; with idle CPU
 * nothing changes. On Linux nice is per thread and new threads inherit it, so this must run before
 * libuv's thread pool starts (it does DKIM signing): call it first thing at start-up.
 */
export const lowerPriority = (nice: number) => {
  if (!Number.isInteger(nice) || nice <= 0) return;
  try {
    os.setPriority(Math.min(nice, 19));
  } catch (error) {
    logger.warn({ err: error, nice }, "could not lower the process priority; running at normal priority");
  }
};
