import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { attributeDefinitions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { ZAttributeLabel } from "./attribute-rules";

export const ZUpdateAttributeDefinition = z.object({ attributeId: z.uuid({ message: "attributeId must be an attribute id" }), label: ZAttributeLabel });

/**
 * Only the label changes: the key is what stored values, imports, segments and merge tags refer to,
 * and the type is what stored values were coerced to, so changing either would strand data.
 */
export const updateAttributeDefinition = async ({
  workspaceId,
  ...input
}: z.input<typeof ZUpdateAttributeDefinition> & { workspaceId: string }) => {
  const { attributeId, label } = parseInput(ZUpdateAttributeDefinition, input);
  const [row] = await db
    .update(attributeDefinitions)
    .set({ label })
    .where(and(eq(attributeDefinitions.id, attributeId), eq(attributeDefinitions.workspaceId, workspaceId)))
    .returning({
      id: attributeDefinitions.id,
      key: attributeDefinitions.key,
      label: attributeDefinitions.label,
      type: attributeDefinitions.type,
      createdAt: attributeDefinitions.createdAt,
    });
  if (!row) throw new AppError("NOT_FOUND", "Attribute not found");
  return row;
};
