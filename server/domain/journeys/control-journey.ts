import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { journeys, journeyTriggers } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { lockJourney, ZJourneyId } from "./journey-fields";

export const ZJourneyControl = z.object({ journeyId: ZJourneyId });
type ControlInput = z.input<typeof ZJourneyControl> & { workspaceId: string };

const STATUS_WORDS = { draft: "a draft", live: "live", paused: "paused", archived: "archived" } as const;

/**
 * Pause: nobody new enters, and runs stay on the node they are on (the runtime leaves a paused
 * journey's runs where they are until it resumes). The triggers stay, so resuming needs no publish.
 */
export const pauseJourney = async ({ workspaceId, ...input }: ControlInput) => {
  const { journeyId } = parseInput(ZJourneyControl, input);
  return db.transaction(async (tx) => {
    const journey = await lockJourney(tx, { workspaceId, journeyId });
    if (journey.status !== "live") throw new AppError("PRECONDITION_FAILED", `Only a live journey can be paused; this one is ${STATUS_WORDS[journey.status]}`);
    await tx.update(journeys).set({ status: "paused", updatedAt: new Date() }).where(eq(journeys.id, journey.id));
    return { status: "paused" as const };
  });
};

/** Resume: entries start again, and runs that came due while paused move on at the next tick. */
export const resumeJourney = async ({ workspaceId, ...input }: ControlInput) => {
  const { journeyId } = parseInput(ZJourneyControl, input);
  return db.transaction(async (tx) => {
    const journey = await lockJourney(tx, { workspaceId, journeyId });
    if (journey.status !== "paused") throw new AppError("PRECONDITION_FAILED", `Only a paused journey can be resumed; this one is ${STATUS_WORDS[journey.status]}`);
    await tx.update(journeys).set({ status: "live", updatedAt: new Date() }).where(eq(journeys.id, journey.id));
    return { status: "live" as const };
  });
};

/**
 * Archive, for good: the triggers go (nobody new enters) and every unfinished run ends now, exited
 * with the reason "journey archived", recorded on the contact's timeline and in the node's "left"
 * count. Versions, steps and stats stay for reports.
 */
export const archiveJourney = async ({ workspaceId, ...input }: ControlInput) => {
  const { journeyId } = parseInput(ZJourneyControl, input);
  return db.transaction(async (tx) => {
    const journey = await lockJourney(tx, { workspaceId, journeyId });
    if (journey.status === "archived") throw new AppError("PRECONDITION_FAILED", "This journey is already archived");
    await tx.delete(journeyTriggers).where(and(eq(journeyTriggers.journeyId, journey.id), eq(journeyTriggers.workspaceId, workspaceId)));
    const [ended] = await tx.execute<{ runs: number }>(sql`
      with ended as (
        update journey_states s
        set status = 'exited', finished_at = now(), updated_at = now(), wake_at = null, wait_event = null, wait_key = null,
            exit_reason = 'journey archived'
        where s.journey_id = ${journey.id} and s.workspace_id = ${workspaceId} and s.finished_at is null
        returning s.id, s.contact_id, s.node_id, s.version_id
      ),
      steps as (
        insert into journey_steps (workspace_id, journey_id, state_id, contact_id, node_id, node_type, outcome, detail)
        select ${workspaceId}::uuid, ${journey.id}::uuid, e.id, e.contact_id, e.node_id,
          coalesce((select n ->> 'type' from journey_versions v, jsonb_array_elements(v.definition -> 'nodes') n
                    where v.id = e.version_id and n ->> 'id' = e.node_id limit 1), 'unknown'),
          'exited', jsonb_build_object('reason', 'journey archived')
        from ended e
      ),
      stats as (
        insert into journey_node_stats (journey_id, node_id, entered, left_count)
        select ${journey.id}::uuid, e.node_id, 0, count(*) from ended e group by e.node_id
        on conflict (journey_id, node_id) do update set left_count = journey_node_stats.left_count + excluded.left_count
      )
      select count(*)::int as runs from ended`);
    await tx.update(journeys).set({ status: "archived", updatedAt: new Date() }).where(eq(journeys.id, journey.id));
    return { status: "archived" as const, endedRuns: Number(ended?.runs ?? 0) };
  });
};
