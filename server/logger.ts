import pino from "pino";

/**
 * Structured JSON logs, one object a line. `npm start` turns them into readable prefixed lines;
 * in production they go as they are to whatever collects stdout.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { process: process.env.HERALD_PROCESS ?? "herald", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});
