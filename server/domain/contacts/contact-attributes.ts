import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { validateAttributes, type AttributeValue } from "@/server/domain/attributes/validate-attributes";
import type { Executor } from "@/server/db/client";
import type { FieldProblems } from "./field-errors";

/**
 * Validates incoming custom attribute values against the workspace's definitions, adding any
 * problems as "attributes.<key>" fields. Loads the definitions only when there is something to check.
 */
export const checkContactAttributes = async (
  executor: Executor,
  workspaceId: string,
  attributes: Record<string, unknown> | undefined,
  problems: FieldProblems,
): Promise<Record<string, AttributeValue | null>> => {
  if (!attributes || Object.keys(attributes).length === 0) return {};
  const definitions = await listAttributeDefinitions({ workspaceId }, executor);
  const result = validateAttributes(definitions, attributes);
  if (result.ok) return result.values;
  for (const [key, message] of Object.entries(result.errors)) problems[`attributes.${key}`] = message;
  return {};
};

/** Splits validated values into what to set and which keys to remove. */
export const attributeChanges = (values: Record<string, AttributeValue | null>) => {
  const set: Record<string, AttributeValue> = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === null) remove.push(key);
    else set[key] = value;
  }
  return { set, remove };
};
