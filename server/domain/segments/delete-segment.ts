import { and, eq } from "drizzle-orm";
import { segments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

export const deleteSegment = async ({ workspaceId, segmentId }: { workspaceId: string; segmentId: string }) => {
  const [row] = await db
    .delete(segments)
    .where(and(eq(segments.id, segmentId), eq(segments.workspaceId, workspaceId)))
    .returning({ id: segments.id });
  if (!row) throw new AppError("NOT_FOUND", "No segment with that id in this workspace");
  return row;
};
