import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { journeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { ZJourneyDefinition } from "./journey-definition";
import { ZJourneyDescription, ZJourneyId, ZJourneyName, lockJourney } from "./journey-fields";
import { validateJourneyGraph, type JourneyProblem } from "./journey-graph";

export const ZSaveJourneyDraft = z.object({
  journeyId: ZJourneyId,
  draft: ZJourneyDefinition,
  /** The revision the editor loaded; a save over someone else's newer save is refused, not merged. */
  expectedRevision: z.int({ error: "expectedRevision must be the draft revision you loaded" }).positive(),
  name: ZJourneyName.optional(),
  description: ZJourneyDescription.optional(),
});

/**
 * Saves the editor's draft. A draft may be unfinished: structure is enforced (a malformed document
 * is a BAD_REQUEST naming the field, e.g. draft.nodes.3.config.url), sense is not; the graph's
 * problems come back as a value for the editor to show, and publishing refuses while any remain.
 * Saving never changes what contacts run: that takes a publish.
 */
export const saveJourneyDraft = async ({
  workspaceId,
  ...input
}: z.input<typeof ZSaveJourneyDraft> & { workspaceId: string }): Promise<{ draftRevision: number; problems: JourneyProblem[] }> => {
  const { journeyId, draft, expectedRevision, name, description } = parseInput(ZSaveJourneyDraft, input);
  return db.transaction(async (tx) => {
    const journey = await lockJourney(tx, { workspaceId, journeyId });
    if (journey.status === "archived") throw new AppError("PRECONDITION_FAILED", "This journey is archived; create a new one to make changes");
    if (journey.draftRevision !== expectedRevision)
      throw new AppError(
        "CONFLICT",
        `Someone else saved this journey after you opened it (revision ${journey.draftRevision}, you had ${expectedRevision}); reload to see their changes`,
      );
    const [saved] = await tx
      .update(journeys)
      .set({
        draft,
        draftRevision: sql`${journeys.draftRevision} + 1`,
        updatedAt: new Date(),
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
      })
      .where(eq(journeys.id, journey.id))
      .returning({ draftRevision: journeys.draftRevision });
    return { draftRevision: saved!.draftRevision, problems: validateJourneyGraph(draft) };
  });
};
