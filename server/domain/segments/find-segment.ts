import { and, eq } from "drizzle-orm";
import { segments } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { asSegment, segmentColumns, type Segment } from "./segment-fields";

/** One segment of the workspace, or NOT_FOUND (also for another workspace's id, so ids cannot be probed). */
export const findSegment = async ({
  workspaceId,
  segmentId,
  executor = db,
}: {
  workspaceId: string;
  segmentId: string;
  executor?: Executor;
}): Promise<Segment> => {
  const [row] = await executor
    .select(segmentColumns)
    .from(segments)
    .where(and(eq(segments.id, segmentId), eq(segments.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "No segment with that id in this workspace");
  return asSegment(row);
};
