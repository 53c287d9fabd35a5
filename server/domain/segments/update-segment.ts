import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { segments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { prepareSegmentDefinition } from "./prepare-segment-definition";
import { asSegment, parseInput, segmentColumns, ZSegmentDescription, ZSegmentId, ZSegmentName } from "./segment-fields";
import { ZSegmentDefinition } from "./segment-rules";

export const ZUpdateSegment = z.object({
  segmentId: ZSegmentId,
  name: ZSegmentName.optional(),
  description: ZSegmentDescription.optional(),
  definition: ZSegmentDefinition.optional(),
});

/** Changes what is given; the definition, when given, is checked against the workspace again. */
export const updateSegment = async ({ workspaceId, ...input }: { workspaceId: string } & z.input<typeof ZUpdateSegment>) => {
  const { segmentId, name, description } = parseInput(ZUpdateSegment.omit({ definition: true }), input);
  const definition =
    input.definition === undefined ? undefined : await prepareSegmentDefinition({ workspaceId, definition: input.definition });
  const [row] = await db
    .update(segments)
    .set({ name, description, definition, updatedAt: new Date() })
    .where(and(eq(segments.id, segmentId), eq(segments.workspaceId, workspaceId)))
    .returning(segmentColumns);
  if (!row) throw new AppError("NOT_FOUND", "No segment with that id in this workspace");
  return asSegment(row);
};
