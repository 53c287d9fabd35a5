import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { journeys, journeyTriggers, journeyVersions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { isTrigger, ZJourneyDefinition, type JourneyDefinition, type JourneyNode } from "./journey-definition";
import { lockJourney, ZJourneyId } from "./journey-fields";
import { validateJourneyGraph, type JourneyProblem } from "./journey-graph";
import { findJourneyReferenceProblems } from "./journey-problems";

export const ZPublishJourney = z.object({
  journeyId: ZJourneyId,
  /** The draft revision the marketer looked at: publishing something else they have not seen is refused. */
  expectedRevision: z.int({ error: "expectedRevision must be the draft revision you loaded" }).positive(),
});

export type PublishJourneyResult = { ok: true; version: number } | { ok: false; problems: JourneyProblem[] };

/** What journey_triggers keys a trigger by: the event name, list id or segment id; null for date and API triggers. */
const triggerKey = (node: JourneyNode): string | null => {
  switch (node.type) {
    case "trigger_event":
      return node.config.eventName.trim();
    case "trigger_list_joined":
      return node.config.listId;
    case "trigger_segment_entered":
      return node.config.segmentId;
    default:
      return null;
  }
};

/**
 * Freezes the draft into the next journey version and makes it the one contacts enter.
 *
 * Versioning: journey_versions rows never change. A run (journey_states) holds the version_id it
 * entered on and stays on that version to its end, so publishing never moves a contact who is
 * already inside, even when the new version deletes or rewires the node they wait on; only new
 * entries use the new version (through journeys.live_version_id and journey_triggers). Node stats
 * are kept by node id across versions, so a node the new version keeps goes on counting.
 *
 * Every problem comes back at once as a value (the graph's, then the workspace references'), and
 * then nothing is changed. Nothing is queued here: entries arrive through the triggers.
 */
export const publishJourney = async ({
  workspaceId,
  userId = null,
  ...input
}: z.input<typeof ZPublishJourney> & { workspaceId: string; userId?: string | null }): Promise<PublishJourneyResult> => {
  const { journeyId, expectedRevision } = parseInput(ZPublishJourney, input);
  return db.transaction(async (tx) => {
    const journey = await lockJourney(tx, { workspaceId, journeyId });
    if (journey.status === "archived") throw new AppError("PRECONDITION_FAILED", "This journey is archived and cannot be published again");
    if (journey.draftRevision !== expectedRevision)
      throw new AppError(
        "CONFLICT",
        `Someone else saved this journey after you opened it (revision ${journey.draftRevision}, you had ${expectedRevision}); reload before publishing`,
      );
    const parsed = ZJourneyDefinition.safeParse(journey.draft);
    if (!parsed.success)
      return {
        ok: false as const,
        problems: parsed.error.issues.map((issue) => ({ code: "invalid_document" as const, field: issue.path.join("."), message: issue.message })),
      };
    const graphProblems = validateJourneyGraph(parsed.data);
    const references = await findJourneyReferenceProblems(tx, { workspaceId, definition: parsed.data });
    const problems = [...graphProblems, ...references.problems];
    if (problems.length > 0) return { ok: false as const, problems };

    const definition: JourneyDefinition = references.definition;
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${journeyVersions.version}), 0) + 1`.mapWith(Number) })
      .from(journeyVersions)
      .where(eq(journeyVersions.journeyId, journey.id))) as [{ next: number }];
    const [version] = await tx
      .insert(journeyVersions)
      .values({ journeyId: journey.id, workspaceId, version: next, definition, publishedBy: userId })
      .returning({ id: journeyVersions.id, version: journeyVersions.version });
    await tx.delete(journeyTriggers).where(and(eq(journeyTriggers.journeyId, journey.id), eq(journeyTriggers.workspaceId, workspaceId)));
    const triggers = definition.nodes.filter(isTrigger);
    await tx.insert(journeyTriggers).values(
      triggers.map((node) => ({ workspaceId, journeyId: journey.id, versionId: version!.id, nodeId: node.id, triggerType: node.type, key: triggerKey(node) })),
    );
    const now = new Date();
    await tx
      .update(journeys)
      .set({ status: "live", liveVersionId: version!.id, publishedAt: now, updatedAt: now })
      .where(eq(journeys.id, journey.id));
    return { ok: true as const, version: version!.version };
  });
};
