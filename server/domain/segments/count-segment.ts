import { sql } from "drizzle-orm";
import { querySegment, type SegmentSource } from "./segment-query";

/** How many of the workspace's contacts a saved segment, or a definition being edited, matches now. */
export const countSegment = (input: { workspaceId: string; now?: Date } & SegmentSource) =>
  querySegment(input, async (where, executor) => {
    const [row] = await executor.execute<{ count: number }>(sql`select count(*)::int as count from contacts c where ${where}`);
    return { count: row?.count ?? 0 };
  });
