import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { trackEvents } from "@/server/domain/events/track-events";
import { createList } from "@/server/domain/lists/create-list";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { finishJourneyOnNewWorker, killWorker, waitFor } from "@/server/testing/crashed-worker";
import { spawnHeraldProcess, type SpawnedProcess } from "@/server/testing/spawn-process";
import { definition, nodeStats, publishTestJourney } from "./runtime-fixtures";
import { useOwnDatabase } from "@/server/testing/own-database";

// Its workers take every job of their tasks in the queue: only this file's, in a database of its own.
useOwnDatabase("herald_jcrash");

const RUNS = 3_000;

const worker = () =>
  spawnHeraldProcess(
    "worker/index.ts",
    // A short lease so the dead worker's claimed runs come due again quickly; small batches so several are in flight.
    { DATABASE_URL: env().DATABASE_URL, WORKER_TASKS: "journeys/", WORKER_METRICS_PORT: "0", JOURNEY_LEASE_SECONDS: "3", JOURNEY_BATCH_SIZE: "100", LOG_LEVEL: "info" },
    /worker ready|looking for jobs/,
  );


describe("journey runtime under failure", () => {
  it(`a worker SIGKILLed mid-run: all ${RUNS.toLocaleString()} runs finish exactly once, no step skipped or recorded twice`, async () => {
    const { workspace } = await createTestWorkspace();
    const workspaceId = workspace.id;
    const list = await createList({ workspaceId, name: "Crash" });
    const contacts = await insertTestContacts(workspaceId, Array.from({ length: RUNS }, (_, i) => ({ email: `crash-${i}@example.test` })));
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "signup", type: "trigger_event", config: { eventName: "signed_up", filters: [] } },
          { id: "stamp", type: "update_attribute", config: { attribute: "signup_no", value: "{{ event.n }}" } },
          { id: "add", type: "add_to_list", config: { listId: list.id } },
          { id: "wait", type: "wait_duration", config: { amount: 1, unit: "seconds" } },
          { id: "done", type: "update_attribute", config: { attribute: "welcomed", value: "yes" } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [
          ["signup", "next", "stamp"],
          ["stamp", "next", "add"],
          ["add", "next", "wait"],
          ["wait", "next", "done"],
          ["done", "next", "end"],
        ],
      ),
    );
    let first: SpawnedProcess | null = await worker();
    for (let i = 0; i < RUNS; i += 1000) {
      await trackEvents({ workspaceId, events: contacts.slice(i, i + 1000).map((c, j) => ({ contact: { id: c.id }, event: "signed_up", properties: { n: i + j } })) });
    }
    const stepCount = async () =>
      (await db.execute<{ n: number }>(sql`select count(*)::int as n from journey_steps where journey_id = ${journeyId}`))[0]!.n;
    await waitFor(async () => (await stepCount()) >= 3_000, 120_000, "the first worker to take 3,000 steps");
    await killWorker(first);
    first = null;
    const [midway] = await db.execute<{ unfinished: number }>(sql`
      select count(*)::int as unfinished from journey_states where journey_id = ${journeyId} and finished_at is null`);
    expect(midway!.unfinished, "runs still unfinished when the worker died").toBeGreaterThan(0);
    await finishJourneyOnNewWorker(journeyId, worker, 180_000);

    const [runs] = await db.execute<{ total: number; completed: number; contacts: number }>(sql`
      select count(*)::int as total, count(*) filter (where status = 'completed' and exit_reason = 'exit')::int as completed,
        count(distinct contact_id)::int as contacts
      from journey_states where journey_id = ${journeyId}`);
    expect(runs).toEqual({ total: RUNS, completed: RUNS, contacts: RUNS });
    // Each run's timeline is exactly the path, each step once, in order.
    const timelines = await db.execute<{ path: string; runs: number }>(sql`
      select path, count(*)::int as runs from (
        select state_id, string_agg(node_id || ':' || case when outcome in ('added', 'already_member') then 'list' else outcome end, ' ' order by id) as path
        from journey_steps where journey_id = ${journeyId} group by state_id
      ) t group by path`);
    expect(timelines).toEqual([{ path: "signup:entered stamp:updated add:list wait:waiting wait:waited done:updated end:exited", runs: RUNS }]);
    const stats = await nodeStats(journeyId);
    for (const node of ["signup", "stamp", "add", "wait", "done", "end"]) expect(stats[node], node).toEqual({ entered: RUNS, left: RUNS });
    const [effects] = await db.execute<{ stamped: number; welcomed: number; members: number }>(sql`
      select count(*) filter (where (attributes ->> 'signup_no') is not null)::int as stamped,
        count(*) filter (where attributes ->> 'welcomed' = 'yes')::int as welcomed,
        (select count(*)::int from list_memberships where list_id = ${list.id}) as members
      from contacts where workspace_id = ${workspaceId}`);
    expect(effects).toEqual({ stamped: RUNS, welcomed: RUNS, members: RUNS });
  }, 360_000);
});
