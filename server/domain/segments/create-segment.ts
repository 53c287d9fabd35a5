import { z } from "zod";
import { segments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { prepareSegmentDefinition } from "./prepare-segment-definition";
import { asSegment, parseInput, segmentColumns, ZSegmentDescription, ZSegmentName } from "./segment-fields";
import { ZSegmentDefinition } from "./segment-rules";

export const ZCreateSegment = z.object({
  name: ZSegmentName,
  description: ZSegmentDescription.optional(),
  definition: ZSegmentDefinition,
});

export const createSegment = async ({ workspaceId, ...input }: { workspaceId: string } & z.input<typeof ZCreateSegment>) => {
  const { name, description } = parseInput(ZCreateSegment.pick({ name: true, description: true }), input);
  const definition = await prepareSegmentDefinition({ workspaceId, definition: input.definition });
  const [row] = await db
    .insert(segments)
    .values({ workspaceId, name, description: description ?? null, definition })
    .returning(segmentColumns);
  return asSegment(row!);
};
