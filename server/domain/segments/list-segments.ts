import { asc, eq } from "drizzle-orm";
import { segments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { asSegment, segmentColumns } from "./segment-fields";

/** Every segment of the workspace, by name. Counts are separate (segments.count), one per segment, as they are costly. */
export const listSegments = async ({ workspaceId }: { workspaceId: string }) =>
  (await db.select(segmentColumns).from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.name), asc(segments.createdAt))).map(
    asSegment,
  );
