import { and, eq, sql } from "drizzle-orm";
import { journeyNodeStats, journeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { JourneyDefinition } from "./journey-definition";

export type JourneyNodeCounts = { entered: number; waiting: number; left: number };

/**
 * Per node: how many contacts reached it and left it (journey_node_stats, kept by node id across
 * versions) and how many are on it now (unfinished runs, counted on the partial index
 * journey_states_node_idx). Every node of the draft is listed, at zero when nobody has been there.
 */
export const journeyStats = async ({ workspaceId, journeyId }: { workspaceId: string; journeyId: string }) => {
  const [journey] = await db
    .select({ id: journeys.id, draft: journeys.draft })
    .from(journeys)
    .where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)));
  if (!journey) throw new AppError("NOT_FOUND", "Journey not found");
  const [totals, waiting] = await Promise.all([
    db.select({ nodeId: journeyNodeStats.nodeId, entered: journeyNodeStats.entered, left: journeyNodeStats.left }).from(journeyNodeStats).where(eq(journeyNodeStats.journeyId, journey.id)),
    db.execute<{ node_id: string; waiting: number }>(sql`
      select node_id, count(*)::int as waiting from journey_states
      where journey_id = ${journey.id} and finished_at is null
      group by node_id`),
  ]);
  const nodes: Record<string, JourneyNodeCounts> = {};
  for (const node of (journey.draft as JourneyDefinition).nodes ?? []) nodes[node.id] = { entered: 0, waiting: 0, left: 0 };
  for (const row of totals) nodes[row.nodeId] = { ...(nodes[row.nodeId] ?? { waiting: 0 }), entered: row.entered, left: row.left };
  for (const row of waiting) nodes[row.node_id] = { ...(nodes[row.node_id] ?? { entered: 0, left: 0 }), waiting: Number(row.waiting) };
  return { nodes };
};
