/**
 * `npm run bench:send -- --recipients N` (default 100,000): the whole delivery pipeline on embedded
 * Postgres, into a discarding SMTP sink on loopback, with two real worker processes.
 *   - the render benchmark's newsletter to N generated contacts, 5% suppressed, DKIM off then on;
 *   - messages per second from launch to the last message logged, batch latency p50/p99, worker CPU
 *     seconds per 1,000 messages, peak worker memory, and the campaign page's latency while sending
 *     (the campaign with its stage progress and the full report: funnel, activity, links, domains,
 *     credits, A/B), read every 250 ms;
 *   - in the same run, the raw ceiling: as many pre-built messages pushed into the same sink by a
 *     minimal pipelining SMTP client, and the ratio of the two.
 * Options: --recipients N, --workers N (default 2), --no-dkim-run (skip the DKIM-on campaign),
 * --statements (print the statements the database spent most time on during the first campaign).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startBenchDatabase } from "./lib/bench-database";
import { startDiscardSink } from "./send/discard-sink";
import { cpuSeconds, peakMemoryMb, percentile } from "./send/process-stats";
import { WORKER_NODE_FLAGS } from "../../worker/node-flags";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const root = path.resolve(import.meta.dirname, "../..");

const startWorker = (env: Record<string, string>) =>
  new Promise<ChildProcess>((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const child = spawn(process.execPath, [...profile, ...WORKER_NODE_FLAGS, "--import", "tsx", "worker/index.ts"], {
      cwd: root,
      // Every generated address is @example.com on one loopback sink: the per-domain cap (meant for
      // real mailbox providers) would only measure itself, so the bench lifts it.
      env: { ...process.env, DOMAIN_CONCURRENCY: "500", ...env, HERALD_SKIP_MIGRATE: "1", LOG_LEVEL: "warn", WORKER_METRICS_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 20_000) output = output.slice(-10_000);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
    // LOG_LEVEL=warn hides "worker ready"; give it a moment to connect instead.
    setTimeout(() => resolve(child), 4_000);
  });

const main = async () => {
  const statements = process.argv.includes("--statements");
  if (statements) process.env.HERALD_PG_STAT_STATEMENTS = "1";
  const recipients = arg("recipients", 100_000);
  const workerCount = arg("workers", 2);
  const database = await startBenchDatabase();
  const sink = await startDiscardSink();
  const client = process.argv.includes("--nodemailer") ? "" : "&client=pipelining";
  process.env.DELIVERY_SMTP_URL = `${sink.url}?connections=${arg("connections", 40)}${client}`;
  const { sql } = await import("drizzle-orm");
  const { db, closeDb } = await import("@/server/db/client");
  const { getAuth } = await import("@/server/auth/auth");
  const { createWorkspace } = await import("@/server/domain/workspaces/create-workspace");
  const { createCampaign } = await import("@/server/domain/campaigns/save-campaign");
  const { launchCampaign } = await import("@/server/domain/campaigns/launch-campaign");
  const { getCampaign } = await import("@/server/domain/campaigns/get-campaign");
  const { campaignReport } = await import("@/server/domain/campaigns/campaign-report");
  const { seedSendAudience, setDkim } = await import("./send/seed-audience");
  const { buildRawMessages } = await import("./send/prebuilt-messages");
  const { pushRaw } = await import("./send/raw-ceiling");

  const { user } = await getAuth().api.signUpEmail({ body: { email: "bench-send@example.test", password: "bench password 123", name: "Bench" } });
  const workspace = await createWorkspace({ userId: user.id, name: "Send bench" });
  console.log(`bench:send: ${fmt(recipients)} recipients (5% suppressed), ${workerCount} worker processes, embedded Postgres, discarding SMTP sink\n`);
  const seedStart = performance.now();
  const { listId, templateId } = await seedSendAudience({ workspaceId: workspace.id, recipients });
  console.log(`seeded in ${fmt((performance.now() - seedStart) / 1000, 1)} s`);

  const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorker({ DATABASE_URL: database.url, DELIVERY_SMTP_URL: process.env.DELIVERY_SMTP_URL! })));

  const runCampaign = async (label: string, dkim: boolean) => {
    await setDkim(workspace.id, dkim);
    if (statements) await db.execute(sql`create extension if not exists pg_stat_statements; select pg_stat_statements_reset()`);
    const cpuBefore = workers.map((w) => cpuSeconds(w.pid!));
    const campaign = await createCampaign({ workspaceId: workspace.id, userId: user.id, name: label, emailTemplateId: templateId, audience: { listIds: [listId] } });
    const reportTimes: number[] = [];
    const start = performance.now();
    const launchedAtMs = Date.now();
    await launchCampaign({ workspaceId: workspace.id, campaignId: campaign.id });
    let status = "sending";
    let lastPrint = 0;
    while (status !== "sent") {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const reportStart = performance.now();
      // What the campaign page loads while it sends: the campaign with its stage progress, and the report.
      const [current] = await Promise.all([
        getCampaign({ workspaceId: workspace.id, campaignId: campaign.id }),
        campaignReport({ workspaceId: workspace.id, campaignId: campaign.id }),
      ]);
      reportTimes.push(performance.now() - reportStart);
      status = current.status;
      if (status === "paused" || status === "failed" || status === "cancelled") throw new Error(`campaign ${status}: ${current.statusReason}`);
      if (performance.now() - lastPrint > 5_000) {
        lastPrint = performance.now();
        process.stdout.write(`  ${label}: ${fmt(current.progress.sent)} sent of ${fmt(current.progress.recipients)} after ${fmt((performance.now() - start) / 1000, 0)} s\n`);
      }
    }
    const [timing] = await db.execute<{ first: Date; last: Date }>(sql`
      select min(started_at) as first, max(finished_at) as last from campaign_batches where campaign_id = ${campaign.id}`);
    const done = await getCampaign({ workspaceId: workspace.id, campaignId: campaign.id });
    const launchToLast = (new Date(timing!.last).getTime() - launchedAtMs) / 1000;
    const latencies = (
      await db.execute<{ ms: number }>(sql`select extract(epoch from finished_at - started_at) * 1000 as ms from campaign_batches where campaign_id = ${campaign.id}`)
    ).map((row) => Number(row.ms));
    const cpu = workers.reduce((sum, w, i) => sum + cpuSeconds(w.pid!) - cpuBefore[i]!, 0);
    const perSecond = done.progress.sent / launchToLast;
    console.log(`\n${label}`);
    console.log(`  sent ${fmt(done.progress.sent)}, skipped ${fmt(done.progress.skipped)} in ${fmt(launchToLast, 1)} s: ${fmt(perSecond)} messages/s end to end`);
    console.log(`  batch latency p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms (${latencies.length} batches of 250)`);
    console.log(`  worker CPU: ${fmt((cpu / done.progress.sent) * 1000, 2)} s per 1,000 messages; peak worker memory ${fmt(Math.max(...workers.map((w) => peakMemoryMb(w.pid!))))} MB`);
    console.log(`  campaign page (progress and full report) while sending: p50 ${fmt(percentile(reportTimes, 50), 1)} ms, p99 ${fmt(percentile(reportTimes, 99), 1)} ms, max ${fmt(Math.max(...reportTimes), 1)} ms (goal < 100 ms)`);
    if (statements) await printTopStatements(db, sql);
    return perSecond;
  };

  const plain = await runCampaign("DKIM off", false);
  const signed = process.argv.includes("--no-dkim-run") ? null : await runCampaign("DKIM on", true);
  for (const worker of workers) worker.kill("SIGTERM");

  const total = Math.round(recipients * 0.95);
  const messages = await buildRawMessages(workspace.id, total);
  const raw = await pushRaw({ port: sink.port, messages, total });
  const ceiling = total / raw.seconds;
  console.log(`\nraw ceiling, same run: ${fmt(total)} pre-built messages (${fmt(messages.length)} distinct, cycled) pushed by a minimal pipelining client: ${fmt(ceiling)} messages/s`);
  console.log(`  ratio, DKIM off: ${(plain / ceiling).toFixed(2)} (goal ≥ 0.5)${signed ? `; DKIM on: ${(signed / ceiling).toFixed(2)}` : ""}`);
  console.log(`  goal 1,700 messages/s with DKIM off: ${plain >= 1700 ? "met" : "NOT met"} (${fmt(plain)})`);

  await sink.close();
  await closeDb();
  await database.stop();
};

/** The database's busiest statements since the campaign launched (pg_stat_statements, --statements). */
const printTopStatements = async (db: typeof import("@/server/db/client").db, sql: typeof import("drizzle-orm").sql) => {
  const rows = await db.execute<{ total_ms: number; calls: number; rows: number; query: string }>(sql`
    select round(total_exec_time)::int as total_ms, calls::int, rows::int, regexp_replace(query, '\s+', ' ', 'g') as query
    from pg_stat_statements order by total_exec_time desc limit 15`);
  console.log("  busiest statements (total ms, calls, rows):");
  for (const row of rows) console.log(`    ${fmt(row.total_ms).padStart(7)} ${fmt(row.calls).padStart(7)} ${fmt(row.rows).padStart(8)}  ${row.query.slice(0, 150)}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
