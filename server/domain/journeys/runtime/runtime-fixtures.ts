import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { createJourney } from "@/server/domain/journeys/create-journey";
import type { JourneyDefinitionInput, JourneySettings } from "@/server/domain/journeys/journey-definition";
import { publishJourney } from "@/server/domain/journeys/publish-journey";
import { saveJourneyDraft } from "@/server/domain/journeys/save-journey-draft";
import { advanceBatch } from "./advance-runs";

type NodeSpec = { id: string; type: string; config?: Record<string, unknown> };

/** A definition from nodes and [source, handle, target] edges, laid out in a column. */
export const definition = (nodes: NodeSpec[], edges: Array<[string, string, string]>, settings: Partial<JourneySettings> = {}): JourneyDefinitionInput =>
  ({
    version: 1,
    nodes: nodes.map((node, index) => ({ id: node.id, type: node.type, position: { x: 0, y: index * 120 }, config: node.config ?? {} })),
    edges: edges.map(([source, sourceHandle, target]) => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target })),
    settings: { entry: { mode: "once" }, goal: null, respectMessagingLimits: true, ...settings },
  }) as JourneyDefinitionInput;

/** Creates, saves and publishes a journey through the journeys domain; returns its id. */
export const publishTestJourney = async (workspaceId: string, draft: JourneyDefinitionInput, name = "Runtime test") => {
  const { id } = await createJourney({ workspaceId, userId: null, name });
  const { draftRevision, problems } = await saveJourneyDraft({ workspaceId, journeyId: id, draft, expectedRevision: 1 });
  const published = await publishJourney({ workspaceId, journeyId: id, expectedRevision: draftRevision });
  if (!published.ok) throw new Error(`journey did not publish: ${JSON.stringify(published.problems.length ? published.problems : problems)}`);
  return id;
};

/** Advances this workspace's due runs as of `now` until none is due (what the worker's loop does). */
export const drain = async (workspaceId: string, now = new Date()) => {
  let transitions = 0;
  for (let i = 0; i < 100; i++) {
    const batch = await advanceBatch({ workspaceId, now, leaseSeconds: 60 });
    transitions += batch.transitions;
    if (batch.claimed === 0) return transitions;
  }
  throw new Error("runs kept coming due");
};

export const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

export type RunRow = { id: number; contact_id: string; node_id: string; status: string; exit_reason: string | null; finished: boolean; wake_at: Date | null; wait_key: string | null; context: Record<string, unknown> };

export const runsOf = async (journeyId: string) =>
  (
    await db.execute<RunRow>(sql`
      select id, contact_id, node_id, status::text as status, exit_reason, finished_at is not null as finished, wake_at, wait_key, context
      from journey_states where journey_id = ${journeyId}::uuid order by id`)
  ).map((row) => ({ ...row, id: Number(row.id), wake_at: row.wake_at ? new Date(row.wake_at) : null }));

/** A run's timeline as "node:outcome" strings, in order. */
export const stepsOf = async (stateId: number) =>
  (
    await db.execute<{ node_id: string; outcome: string }>(sql`select node_id, outcome from journey_steps where state_id = ${stateId} order by id`)
  ).map((row) => `${row.node_id}:${row.outcome}`);

export const nodeStats = async (journeyId: string) =>
  Object.fromEntries(
    (
      await db.execute<{ node_id: string; entered: number; left_count: number }>(sql`
        select node_id, entered, left_count from journey_node_stats where journey_id = ${journeyId}::uuid`)
    ).map((row) => [row.node_id, { entered: row.entered, left: row.left_count }]),
  );
