import { Logger, run } from "graphile-worker";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { counter, serveMetrics } from "@/server/metrics";
import { startProcess } from "@/server/process/lifecycle";
import { parsedCronItems } from "./cron";
import { taskList } from "./task-list";

/** graphile-worker's log lines, as structured pino lines like everything else. */
const workerLogger = new Logger((scope) => (level, message, meta) => {
  const pinoLevel = level === "warning" ? "warn" : level;
  // graphile-worker attaches whole job rows; payloads can hold secrets (reset and invitation links),
  // so keep only what identifies the job.
  const { job, ...rest } = (meta ?? {}) as { job?: { id?: string; task_identifier?: string; attempts?: number } };
  const jobInfo = job ? { jobId: job.id, task: job.task_identifier, attempt: job.attempts } : {};
  logger[pinoLevel]({ ...scope, ...rest, ...jobInfo }, message);
});

const main = async () => {
  const { onStop } = await startProcess("worker");
  const jobs = counter("herald_worker_jobs_total", "Jobs finished by this worker", ["task", "outcome"]);

  const runner = await run({
    connectionString: env().DATABASE_URL,
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
    taskList,
    logger: workerLogger,
    // Our own handler stops the runner gracefully (in-flight jobs finish) before the pool closes.
    noHandleSignals: true,
    pollInterval: 1000,
    // Scheduled tasks are registered in code (worker/cron.ts), not a crontab file.
    parsedCronItems: parsedCronItems(),
  });
  runner.events.on("job:success", ({ job }) => jobs.inc({ task: job.task_identifier, outcome: "success" }));
  runner.events.on("job:failed", ({ job }) => jobs.inc({ task: job.task_identifier, outcome: "failed" }));
  onStop(() => runner.stop());

  const metricsPort = Number(process.env.WORKER_METRICS_PORT ?? 9464);
  if (metricsPort > 0) {
    const server = await serveMetrics(metricsPort, process.env.METRICS_HOST ?? "127.0.0.1");
    if (server) onStop(() => new Promise((resolve) => server.close(resolve)));
  }
  logger.info({ concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5), tasks: Object.keys(taskList) }, "worker ready");
};

main().catch((error) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
