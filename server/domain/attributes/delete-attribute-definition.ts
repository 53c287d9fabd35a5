import { and, eq, sql } from "drizzle-orm";
import { attributeDefinitions, contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/**
 * Deletes the definition and strips its values from every contact in the same transaction, so a
 * later attribute with the same key (perhaps of another type) never meets stale values.
 */
export const deleteAttributeDefinition = async ({ workspaceId, attributeId }: { workspaceId: string; attributeId: string }) =>
  db.transaction(async (tx) => {
    const [row] = await tx
      .delete(attributeDefinitions)
      .where(and(eq(attributeDefinitions.id, attributeId), eq(attributeDefinitions.workspaceId, workspaceId)))
      .returning({ key: attributeDefinitions.key });
    if (!row) throw new AppError("NOT_FOUND", "Attribute not found");
    const cleared = await tx
      .update(contacts)
      .set({ attributes: sql`${contacts.attributes} - ${row.key}::text` })
      .where(and(eq(contacts.workspaceId, workspaceId), sql`${contacts.attributes} ? ${row.key}::text`));
    return { key: row.key, contactsCleared: cleared.count };
  });
