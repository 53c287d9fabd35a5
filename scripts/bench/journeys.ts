/**
 * `npm run bench:journeys -- --contacts N` (default 100,000): the journey runtime on embedded Postgres,
 * with real worker processes (WORKER_TASKS=journeys/) sending into a discarding SMTP sink on loopback.
 *   checkout event (trigger) -> wait 5 s -> branch on plan = pro -> (no: tag) -> send email ->
 *   wait up to --timeout s (default 20) for order_placed with the same cart_id -> (timeout: reminder email) -> exit
 * N contacts enter through the event trigger (tracked in batches of 1,000, as POST /api/v1/events
 * would); while they wait for the order, --orders (default 10,000) matching order_placed events arrive.
 * Prints node transitions per second, end-to-end time, and event-match latency (the event stored and
 * matched at ingest -> the run leaving the wait) p50/p99. Goals: >= 5,000 transitions/s, p99 < 1 s.
 * Options: --contacts N, --orders N, --workers N (default 2), --timeout S, --batch N (runs per claim, default 500),
 * --no-send (the emails become attribute updates: the runtime alone, without the delivery pipeline).
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startWorker = (env: Record<string, string>) =>
  new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", "worker/index.ts"], {
      cwd: root,
      env: { ...process.env, DOMAIN_CONCURRENCY: "500", ...env, HERALD_SKIP_MIGRATE: "1", LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? "warn", WORKER_METRICS_PORT: "0", WORKER_TASKS: "journeys/" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      if (output.length > 20_000) output = output.slice(-10_000);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      if (signal !== "SIGTERM") reject(new Error(`worker exited with ${code ?? signal}:\n${output}`));
    });
    setTimeout(() => resolve(child), 4_000);
  });

const main = async () => {
  const contacts = arg("contacts", 100_000);
  const orders = Math.min(arg("orders", 10_000), contacts);
  const workerCount = arg("workers", 2);
  const timeoutSeconds = arg("timeout", 20);
  // --no-send: the two emails become attribute updates, to see the runtime without the delivery pipeline.
  const noSend = process.argv.includes("--no-send");
  const database = await startBenchDatabase();
  const sink = await startDiscardSink();
  process.env.DELIVERY_SMTP_URL = `${sink.url}?connections=40&client=pipelining`;
  const { sql } = await import("drizzle-orm");
  const { db, closeDb } = await import("@/server/db/client");
  const { getAuth } = await import("@/server/auth/auth");
  const { createWorkspace } = await import("@/server/domain/workspaces/create-workspace");
  const { trackEvents } = await import("@/server/domain/events/track-events");
  const { seedSendAudience } = await import("./send/seed-audience");
  const { definition, publishTestJourney } = await import("@/server/domain/journeys/runtime/runtime-fixtures");

  const { user } = await getAuth().api.signUpEmail({ body: { email: "bench-journeys@example.test", password: "bench password 123", name: "Bench" } });
  const workspace = await createWorkspace({ userId: user.id, name: "Journeys bench" });
  console.log(
    `bench:journeys: ${fmt(contacts)} contacts, ${fmt(orders)} matching orders, ${workerCount} worker processes, embedded Postgres, ${noSend ? "no emails (--no-send)" : "discarding SMTP sink"}\n`,
  );
  const { templateId } = await seedSendAudience({ workspaceId: workspace.id, recipients: contacts });
  await db.execute(sql`insert into attribute_definitions (workspace_id, key, label, type) values (${workspace.id}, 'plan', 'Plan', 'text')`);
  const ids = (await db.execute<{ id: string }>(sql`select id from contacts where workspace_id = ${workspace.id} order by email`)).map((row) => row.id);

  const journeyId = await publishTestJourney(
    workspace.id,
    definition(
      [
        { id: "checkout", type: "trigger_event", config: { eventName: "checkout_started", filters: [] } },
        { id: "pause", type: "wait_duration", config: { amount: 5, unit: "seconds" } },
        {
          id: "pro",
          type: "branch_segment",
          config: { definition: { version: 1, timezone: "UTC", root: { type: "group", combinator: "and", rules: [{ type: "attribute", field: "attributes.plan", operator: "equals", value: "pro" }] } } },
        },
        { id: "tag", type: "update_attribute", config: { attribute: "nudged", value: "{{ event.cart_id }}" } },
        noSend ? { id: "mail", type: "update_attribute", config: { attribute: "mailed", value: "1" } } : { id: "mail", type: "send_email", config: { templateId, sendingIdentityId: null } },
        { id: "await", type: "wait_for_event", config: { eventName: "order_placed", filters: [], matchKey: "cart_id", timeout: { amount: timeoutSeconds, unit: "seconds" } } },
        { id: "bought", type: "exit", config: { goal: true } },
        noSend
          ? { id: "reminder", type: "update_attribute", config: { attribute: "reminded", value: "1" } }
          : { id: "reminder", type: "send_email", config: { templateId, sendingIdentityId: null } },
        { id: "end", type: "exit", config: { goal: false } },
      ],
      [
        ["checkout", "next", "pause"],
        ["pause", "next", "pro"],
        ["pro", "yes", "mail"],
        ["pro", "no", "tag"],
        ["tag", "next", "mail"],
        ["mail", "next", "await"],
        ["await", "event", "bought"],
        ["await", "timeout", "reminder"],
        ["reminder", "next", "end"],
      ],
      { respectMessagingLimits: false },
    ),
    "Abandoned checkout",
  );

  const workers = await Promise.all(
    Array.from({ length: workerCount }, () => startWorker({ DATABASE_URL: database.url, DELIVERY_SMTP_URL: process.env.DELIVERY_SMTP_URL!, JOURNEY_BATCH_SIZE: String(arg("batch", 500)) })),
  );
  const cpuBefore = workers.map((w) => cpuSeconds(w.pid!));

  // Entry: the checkout events, 1,000 per call.
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 1000) {
    await trackEvents({
      workspaceId: workspace.id,
      events: ids.slice(i, i + 1000).map((id, j) => ({ contact: { id }, event: "checkout_started", properties: { cart_id: `cart-${i + j}` } })),
    });
  }
  const entrySeconds = (performance.now() - started) / 1000;
  console.log(`entered ${fmt(ids.length)} contacts through the event trigger in ${fmt(entrySeconds, 1)} s (${fmt(ids.length / entrySeconds)} events/s, ingest included)`);

  // Orders for runs already waiting at "await", 100 per call, as soon as there are some.
  const ordered = new Set<string>();
  let lastPrint = 0;
  const progress = () =>
    db.execute<{ node_id: string; finished: boolean; n: number }>(sql`
      select node_id, finished_at is not null as finished, count(*)::int as n from journey_states where journey_id = ${journeyId} group by 1, 2`);
  while (ordered.size < orders) {
    const waiting = await db.execute<{ contact_id: string; wait_key: string }>(sql`
      select contact_id, wait_key from journey_states
      where journey_id = ${journeyId} and node_id = 'await' and wait_event = 'order_placed' and finished_at is null
      limit 2000`);
    const fresh = waiting.filter((row) => !ordered.has(row.contact_id)).slice(0, orders - ordered.size);
    if (!fresh.length) {
      await sleep(50);
      continue;
    }
    for (let i = 0; i < fresh.length; i += 100) {
      const chunk = fresh.slice(i, i + 100);
      await trackEvents({ workspaceId: workspace.id, events: chunk.map((row) => ({ contact: { id: row.contact_id }, event: "order_placed", properties: { cart_id: row.wait_key, total: 42 } })) });
      for (const row of chunk) ordered.add(row.contact_id);
      await sleep(20); // orders trickle in rather than arrive in one burst
    }
    if (performance.now() - lastPrint > 5_000) {
      lastPrint = performance.now();
      console.log(`  ${fmt((performance.now() - started) / 1000)} s: ${fmt(ordered.size)} orders sent`);
    }
  }
  console.log(`sent ${fmt(ordered.size)} matching orders by ${fmt((performance.now() - started) / 1000, 1)} s`);

  for (;;) {
    const rows = await progress();
    const unfinished = rows.filter((row) => !row.finished).reduce((sum, row) => sum + row.n, 0);
    if (unfinished === 0) break;
    if (performance.now() - lastPrint > 5_000) {
      lastPrint = performance.now();
      console.log(`  ${fmt((performance.now() - started) / 1000)} s: ${fmt(unfinished)} runs unfinished (${rows.filter((r) => !r.finished).map((r) => `${r.node_id} ${fmt(r.n)}`).join(", ")})`);
    }
    await sleep(250);
  }
  const endToEnd = (performance.now() - started) / 1000;
  const cpu = workers.reduce((sum, w, i) => sum + cpuSeconds(w.pid!) - cpuBefore[i]!, 0);
  const memory = Math.max(...workers.map((w) => peakMemoryMb(w.pid!)));
  for (const worker of workers) worker.kill("SIGTERM");

  const [steps] = await db.execute<{ steps: number; first: string; last: string }>(sql`
    select count(*)::int as steps, min(occurred_at)::text as first, max(occurred_at)::text as last from journey_steps where journey_id = ${journeyId}`);
  const latencies = (
    await db.execute<{ ms: number }>(sql`
      select extract(epoch from occurred_at - (detail ->> 'matchedAt')::timestamptz)::float8 * 1000 as ms
      from journey_steps where journey_id = ${journeyId} and node_id = 'await' and outcome = 'matched'`)
  ).map((row) => Number(row.ms));
  const outcomes = await db.execute<{ node_id: string; outcome: string; n: number }>(sql`
    select node_id, outcome, count(*)::int as n from journey_steps where journey_id = ${journeyId} and node_id in ('mail', 'reminder', 'await', 'bought', 'end', 'pro')
    group by 1, 2 order by 1, 2`);
  const [exits] = await db.execute<{ goal: number; timeout: number }>(sql`
    select count(*) filter (where exit_reason = 'goal')::int as goal, count(*) filter (where exit_reason = 'exit')::int as timeout
    from journey_states where journey_id = ${journeyId}`);
  // Per-second step counts: the runtime's rate while there was work, apart from the seconds runs slept.
  const perSecondCounts = (
    await db.execute<{ n: number }>(sql`
      select count(*)::int as n from journey_steps where journey_id = ${journeyId} group by date_trunc('second', occurred_at)`)
  ).map((row) => row.n);
  const busy = perSecondCounts.filter((n) => n >= 100);
  const busyRate = busy.reduce((sum, n) => sum + n, 0) / Math.max(1, busy.length);
  const activeSeconds = (new Date(steps!.last).getTime() - new Date(steps!.first).getTime()) / 1000;
  // The time runs spend asleep in the two waits is not the runtime's work: report both rates.
  const perSecond = steps!.steps / activeSeconds;

  console.log(`\nresults`);
  console.log(`  ${fmt(steps!.steps)} node transitions from the first to the last step in ${fmt(activeSeconds, 1)} s: ${fmt(perSecond)} transitions/s (waits of 5 s and ${timeoutSeconds} s included)`);
  console.log(`  while runs were moving (${busy.length} seconds with >= 100 steps): ${fmt(busyRate)} transitions/s on average, best second ${fmt(Math.max(...perSecondCounts))}`);
  console.log(`  end to end (first checkout event to the last run finished): ${fmt(endToEnd, 1)} s; entry through ingest ${fmt(entrySeconds, 1)} s`);
  console.log(`  event match latency (stored and matched at ingest -> run left the wait), ${fmt(latencies.length)} matches: p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(Math.max(...latencies))} ms`);
  console.log(`  exits: ${fmt(exits!.goal)} ordered (goal), ${fmt(exits!.timeout)} after the reminder; emails received by the sink: ${fmt(sink.received())}`);
  console.log(`  steps by outcome: ${outcomes.map((o) => `${o.node_id}:${o.outcome} ${fmt(o.n)}`).join(", ")}`);
  console.log(`  worker CPU ${fmt(cpu, 1)} s (${fmt((cpu / steps!.steps) * 1000, 2)} s per 1,000 transitions), peak worker memory ${fmt(memory)} MB`);
  console.log(`  goals: >= 5,000 transitions/s while moving ${busyRate >= 5000 ? "met" : "NOT met"}; p99 match < 1 s ${percentile(latencies, 99) < 1000 ? "met" : "NOT met"}`);

  await sink.close();
  await closeDb();
  await database.stop();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
