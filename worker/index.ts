import { Logger, run } from "graphile-worker";
import { env } from "@/server/env";
import { closeSmsTransports } from "@/server/domain/delivery/sms/sms-transports";
import { logger } from "@/server/logger";
import { counter, serveMetrics } from "@/server/metrics";
import { startProcess } from "@/server/process/lifecycle";
import { parsedCronItems } from "./cron";
import { startSendingNode } from "./sending-node";
import { tasksForThisProcess } from "./task-list";

const taskList = tasksForThisProcess();

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
  const { onStop, stop } = await startProcess("worker");
  // Disabled from the nodes page: the same graceful stop as SIGTERM.
  const node = await startSendingNode({ onDisabled: () => void stop("node disabled") });
  onStop(() => node.stopped()); // stoppers run in reverse: this one last, once the runner is done
  onStop(() => closeSmsTransports()); // SMPP binds unbind once the jobs using them have finished
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
    parsedCronItems: parsedCronItems(Object.keys(taskList)),
    events: node.workerEvents,
    // Through graphile-worker's batcher (0 ms: no added delay), because stop() waits for it. Unbatched,
    // a job finishing during stop() writes "done" without being waited for, the pool closes under it
    // and the job stays locked for 4 hours (graphile/worker#223; seen in worker/sending-node's test).
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
  runner.events.on("job:success", ({ job }) => jobs.inc({ task: job.task_identifier, outcome: "success" }));
  runner.events.on("job:failed", ({ job }) => jobs.inc({ task: job.task_identifier, outcome: "failed" }));
  // stop() stops taking jobs and resolves once the jobs in flight have finished.
  onStop(() => runner.stop());
  onStop(() => node.draining());

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
