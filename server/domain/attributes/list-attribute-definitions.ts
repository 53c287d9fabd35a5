import { asc, eq } from "drizzle-orm";
import { attributeDefinitions } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";

export type AttributeDefinition = Awaited<ReturnType<typeof listAttributeDefinitions>>[number];

/** The workspace's attribute schema, in key order (the order forms and exports show them). */
export const listAttributeDefinitions = async ({ workspaceId }: { workspaceId: string }, executor: Executor = db) =>
  executor
    .select({
      id: attributeDefinitions.id,
      key: attributeDefinitions.key,
      label: attributeDefinitions.label,
      type: attributeDefinitions.type,
      createdAt: attributeDefinitions.createdAt,
    })
    .from(attributeDefinitions)
    .where(eq(attributeDefinitions.workspaceId, workspaceId))
    .orderBy(asc(attributeDefinitions.key));
