import { and, asc, eq, inArray } from "drizzle-orm";
import { attributeDefinitions } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";

/**
 * The workspace's custom attribute definitions as the segment builder and checker need them (key,
 * label, type). Read here rather than through the attributes domain so segments depend only on the
 * table, which is the contract between the two.
 */
export const listSegmentAttributes = ({
  workspaceId,
  keys,
  executor = db,
}: {
  workspaceId: string;
  /** Only these keys (when checking a definition); all when omitted. */
  keys?: string[];
  executor?: Executor;
}) =>
  executor
    .select({ key: attributeDefinitions.key, label: attributeDefinitions.label, type: attributeDefinitions.type })
    .from(attributeDefinitions)
    .where(
      and(eq(attributeDefinitions.workspaceId, workspaceId), keys ? inArray(attributeDefinitions.key, keys.length ? keys : [""]) : undefined),
    )
    .orderBy(asc(attributeDefinitions.label));
