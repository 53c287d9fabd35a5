import { desc, eq, sql } from "drizzle-orm";
import { journeys, journeyVersions } from "@/drizzle/schema";
import { db } from "@/server/db/client";

export type JourneySummary = {
  id: string;
  name: string;
  status: "draft" | "live" | "paused" | "archived";
  liveVersion: number | null;
  updatedAt: Date;
  /** Contacts inside the journey now (unfinished runs, on any version). */
  activeRuns: number;
  templateKey: string | null;
};

export const listJourneys = async ({ workspaceId }: { workspaceId: string }): Promise<JourneySummary[]> => {
  const rows = await db
    .select({
      id: journeys.id,
      name: journeys.name,
      status: journeys.status,
      liveVersion: journeyVersions.version,
      updatedAt: journeys.updatedAt,
      // Counted on journey_states_node_idx (journey_id, node_id) where finished_at is null.
      activeRuns: sql<number>`(select count(*) from journey_states s where s.journey_id = ${journeys.id} and s.finished_at is null)`.mapWith(Number),
      templateKey: journeys.templateKey,
    })
    .from(journeys)
    .leftJoin(journeyVersions, eq(journeyVersions.id, journeys.liveVersionId))
    .where(eq(journeys.workspaceId, workspaceId))
    .orderBy(desc(journeys.updatedAt), desc(journeys.id));
  return rows;
};
