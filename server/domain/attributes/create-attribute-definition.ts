import { z } from "zod";
import { attributeDefinitions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { uniqueViolation } from "@/server/domain/contacts/unique-violation";
import { ZAttributeKey, ZAttributeLabel, ZAttributeType } from "./attribute-rules";

export const ZCreateAttributeDefinition = z.object({ key: ZAttributeKey, label: ZAttributeLabel, type: ZAttributeType });

export type CreateAttributeDefinitionOptions = z.input<typeof ZCreateAttributeDefinition> & { workspaceId: string };

export const createAttributeDefinition = async ({ workspaceId, ...input }: CreateAttributeDefinitionOptions) => {
  const { key, label, type } = parseInput(ZCreateAttributeDefinition, input);
  try {
    const [row] = await db.insert(attributeDefinitions).values({ workspaceId, key, label, type }).returning({
      id: attributeDefinitions.id,
      key: attributeDefinitions.key,
      label: attributeDefinitions.label,
      type: attributeDefinitions.type,
      createdAt: attributeDefinitions.createdAt,
    });
    return row!;
  } catch (error) {
    if (uniqueViolation(error) === "attribute_definitions_workspace_key") {
      throw new AppError("CONFLICT", `An attribute with the key "${key}" already exists`, {
        key: [`An attribute with the key "${key}" already exists`],
      });
    }
    throw error;
  }
};
