import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendingNodes } from "@/drizzle/schema";
import packageJson from "@/package.json" with { type: "json" };
import { closeDb, db } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate";
import { disableNode } from "@/server/domain/nodes/disable-node";
import { poolIdForNode } from "@/server/domain/nodes/node-rules";
import { enqueueSystemEmail } from "@/server/domain/system-mail/enqueue-system-email";
import { spawnHeraldProcess, type SpawnedProcess } from "@/server/testing/spawn-process";

/*
 * Real worker processes (`node --import tsx worker/index.ts`) against a database of their own on the
 * run's Postgres: running workers take every job they know, and the run's shared queue holds other
 * test files' jobs (see server/testing/system-mail.ts). The jobs here are real `system/send-email`
 * jobs, sent to an SMTP server in this file that holds each message as long as a test says.
 */
const runDatabaseUrl = process.env.DATABASE_URL!;
const databaseName = `herald_nodes_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const databaseUrl = Object.assign(new URL(runDatabaseUrl), { pathname: `/${databaseName}` }).toString();
// Nothing has read the configuration yet; from here on this file's own queries use that database too.
process.env.DATABASE_URL = databaseUrl;

type Sink = {
  url: string;
  /** Hold messages to this address for `ms` before answering 250 (Infinity: until `release`). */
  holdFor: (to: string, ms: number) => void;
  /** Answer 250 to the messages held for `to`. */
  release: (to: string) => void;
  /** Resolves once a message to `to` has been fully received and is waiting for its answer. */
  arrived: (to: string) => Promise<void>;
  /** When each message to `to` was accepted (answered 250). */
  acceptedAt: (to: string) => number[];
  close: () => Promise<void>;
};

const startSink = async (): Promise<Sink> => {
  const holds = new Map<string, number>();
  const arrivals = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const accepted: Array<{ to: string; at: number }> = [];
  const held = new Map<string, Array<() => void>>();
  const arrival = (to: string) => {
    if (!arrivals.has(to)) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      arrivals.set(to, { promise, resolve });
    }
    return arrivals.get(to)!;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      const to = session.envelope.rcptTo[0]!.address.toLowerCase();
      stream.resume();
      stream.on("end", () => {
        arrival(to).resolve();
        const accept = () => {
          accepted.push({ to, at: Date.now() });
          callback();
        };
        const hold = holds.get(to) ?? 0;
        if (hold === Infinity) held.set(to, [...(held.get(to) ?? []), accept]);
        else setTimeout(accept, hold);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    holdFor: (to, ms) => holds.set(to.toLowerCase(), ms),
    release: (to) => {
      for (const accept of held.get(to.toLowerCase()) ?? []) accept();
      held.delete(to.toLowerCase());
    },
    arrived: (to) => arrival(to.toLowerCase()).promise,
    acceptedAt: (to) => accepted.filter((message) => message.to === to.toLowerCase()).map((message) => message.at),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

const waitFor = async <T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const exitOf = async (worker: SpawnedProcess) => {
  const { child } = worker;
  if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  return { code: child.exitCode, signal: child.signalCode, at: Date.now() };
};

let sink: Sink;
const workers: SpawnedProcess[] = [];

const startWorker = async () => {
  const worker = await spawnHeraldProcess(
    "worker/index.ts",
    { DATABASE_URL: databaseUrl, SYSTEM_SMTP_URL: sink.url, WORKER_METRICS_PORT: "0", WORKER_CONCURRENCY: "2" },
    /worker ready/,
  );
  workers.push(worker);
  const node = await waitFor("the worker's node row", async () => {
    const [row] = await db
      .select()
      .from(sendingNodes)
      .where(and(eq(sendingNodes.pid, worker.child.pid!), eq(sendingNodes.host, os.hostname())));
    return row;
  });
  return { worker, node };
};

const nodeStatus = async (nodeId: string) => (await db.select().from(sendingNodes).where(eq(sendingNodes.id, nodeId)))[0]!;

const sendEmailJobs = () =>
  db.execute<{ id: string; locked_by: string | null; attempts: number }>(
    sql`select id, locked_by, attempts from graphile_worker.jobs where task_identifier = 'system/send-email'`,
  );

beforeAll(async () => {
  const admin = postgres(runDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${databaseName}"`);
  await admin.end();
  await migrateDatabase(databaseUrl);
  sink = await startSink();
});

afterAll(async () => {
  for (const { child } of workers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await closeDb();
  await sink?.close();
  const admin = postgres(runDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.end();
});

describe("a worker process as a sending node", () => {
  it("registers and heartbeats; disabled, it finishes the job in flight, then exits 0 as stopped", { timeout: 60_000 }, async () => {
    const { worker, node } = await startWorker();
    expect(node).toMatchObject({ status: "active", version: packageJson.version, disabledAt: null, stoppedAt: null });
    await waitFor("a heartbeat", async () => (await nodeStatus(node.id)).heartbeatAt > node.heartbeatAt, 10_000);

    const to = `slow-${randomUUID()}@example.test`;
    sink.holdFor(to, Infinity);
    await enqueueSystemEmail(db, { to, subject: "Finish me before you go", text: "A job in flight when the node is disabled." });
    await sink.arrived(to);
    const [inFlight] = await sendEmailJobs();
    expect(inFlight!.locked_by).toBe(poolIdForNode(node.id));

    await disableNode({ nodeId: node.id });
    // It notices at its next heartbeat and drains: alive, taking no new jobs, its job still in flight.
    await waitFor("the node to drain", async () => (await nodeStatus(node.id)).status === "draining", 10_000);
    const later = `later-${randomUUID()}@example.test`;
    await enqueueSystemEmail(db, { to: later, subject: "Not for a draining node", text: "Queued while the node drains." });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // three of its poll intervals
    expect(worker.child.exitCode).toBeNull();
    expect(sink.acceptedAt(later)).toEqual([]);

    const releasedAt = Date.now();
    sink.release(to);
    const { code, at: exitedAt } = await exitOf(worker);

    expect(code, worker.output()).toBe(0);
    expect(worker.output()).toContain("node disabled by an administrator");
    // The message was accepted (the job finished) before the process went away, and that job is done,
    // not handed back to the queue; the one queued while draining waits, unlocked, for another node.
    const [acceptedAt] = sink.acceptedAt(to);
    expect(acceptedAt).toBeGreaterThanOrEqual(releasedAt);
    expect(acceptedAt).toBeLessThanOrEqual(exitedAt);
    expect(sink.acceptedAt(later)).toEqual([]);
    expect(await sendEmailJobs()).toMatchObject([{ locked_by: null, attempts: 0 }]);
    await db.execute(sql`delete from graphile_worker._private_jobs`);
    const stopped = await nodeStatus(node.id);
    expect(stopped).toMatchObject({ status: "stopped" });
    expect(stopped.stoppedAt).toBeInstanceOf(Date);
    expect(stopped.disabledAt).toBeInstanceOf(Date);
  });

  it("a killed worker is marked down by another, which then runs the job it had locked", { timeout: 90_000 }, async () => {
    const { worker: doomed, node: doomedNode } = await startWorker();
    const to = `stuck-${randomUUID()}@example.test`;
    sink.holdFor(to, Infinity);
    await enqueueSystemEmail(db, { to, subject: "Outlive my worker", text: "Locked by a worker that is about to be killed." });
    await sink.arrived(to);
    const [locked] = await sendEmailJobs();
    expect(locked!.locked_by).toBe(poolIdForNode(doomedNode.id));

    doomed.child.kill("SIGKILL");
    expect((await exitOf(doomed)).signal).toBe("SIGKILL");
    const killedAt = Date.now();
    sink.holdFor(to, 0);

    // The survivor's heartbeat sweep notices the silence after 30 s and releases the job; graphile-worker
    // alone would leave it locked for 4 hours.
    const { worker: survivor, node: survivorNode } = await startWorker();
    await waitFor("the killed node to be marked down", async () => (await nodeStatus(doomedNode.id)).status === "down", 60_000);
    await waitFor("the survivor to deliver the released job", async () => sink.acceptedAt(to).length > 0, 15_000);
    expect(sink.acceptedAt(to)[0]).toBeGreaterThan(killedAt);
    expect(await sendEmailJobs()).toEqual([]);
    expect(survivor.output()).toContain("marked silent nodes down and released their jobs");
    expect(survivor.output()).toContain(doomedNode.id);

    // SIGTERM takes the same graceful path as disabling.
    expect(await survivor.stop()).toBe(0);
    expect(await nodeStatus(survivorNode.id)).toMatchObject({ status: "stopped" });
    expect(await nodeStatus(doomedNode.id)).toMatchObject({ status: "down" });
  });
});
