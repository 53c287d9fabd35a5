import { z } from "zod";
import { countSegment } from "@/server/domain/segments/count-segment";
import { createSegment, ZCreateSegment } from "@/server/domain/segments/create-segment";
import { deleteSegment } from "@/server/domain/segments/delete-segment";
import { findSegment } from "@/server/domain/segments/find-segment";
import { listSegmentOptions } from "@/server/domain/segments/list-segment-options";
import { listSegments } from "@/server/domain/segments/list-segments";
import { sampleSegment } from "@/server/domain/segments/sample-segment";
import { ZSegmentId } from "@/server/domain/segments/segment-fields";
import { ZSegmentDefinition } from "@/server/domain/segments/segment-rules";
import { updateSegment, ZUpdateSegment } from "@/server/domain/segments/update-segment";
import { router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "contacts:read" });
const write = workspaceProcedure.meta({ scope: "contacts:write" });
const ZSegmentRef = z.object({ segmentId: ZSegmentId });

/** A saved segment ({ segmentId }) or a definition being edited ({ definition }), for the live preview. */
const ZSegmentSource = z
  .object({ segmentId: ZSegmentId.optional(), definition: ZSegmentDefinition.optional() })
  .refine((input) => (input.segmentId === undefined) !== (input.definition === undefined), {
    message: "Send either segmentId or definition",
  });

const source = (input: z.infer<typeof ZSegmentSource>) =>
  input.segmentId !== undefined ? { segmentId: input.segmentId } : { definition: input.definition };

export const segmentsRouter = router({
  list: read.query(({ ctx }) => listSegments({ workspaceId: ctx.workspace.id })),
  get: read.input(ZSegmentRef).query(({ ctx, input }) => findSegment({ workspaceId: ctx.workspace.id, ...input })),
  /** Fields, operators, lists and event names for the rule builder. */
  options: read.query(({ ctx }) => listSegmentOptions({ workspaceId: ctx.workspace.id })),
  count: read.input(ZSegmentSource).query(({ ctx, input }) => countSegment({ workspaceId: ctx.workspace.id, ...source(input) })),
  sample: read.input(ZSegmentSource).query(({ ctx, input }) => sampleSegment({ workspaceId: ctx.workspace.id, ...source(input) })),
  create: write.input(ZCreateSegment).mutation(({ ctx, input }) => createSegment({ workspaceId: ctx.workspace.id, ...input })),
  update: write.input(ZUpdateSegment).mutation(({ ctx, input }) => updateSegment({ workspaceId: ctx.workspace.id, ...input })),
  delete: write.input(ZSegmentRef).mutation(({ ctx, input }) => deleteSegment({ workspaceId: ctx.workspace.id, ...input })),
});
