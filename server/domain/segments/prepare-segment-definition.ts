import { and, eq, inArray } from "drizzle-orm";
import { lists } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { checkSegmentDefinition, segmentProblemsError } from "./check-segment-definition";
import { listSegmentAttributes } from "./list-segment-attributes";
import {
  customAttributeKey,
  problemsFromZod,
  walkSegment,
  ZSegmentDefinition,
  type SegmentDefinition,
  type ValueType,
} from "./segment-rules";

/**
 * A definition checked against the workspace: its structure, the attributes it names (they exist,
 * and each value has the attribute's type), the lists it names (they are this workspace's). Returns
 * it with each attribute rule's valueType filled in, ready to store or compile; throws AppError
 * BAD_REQUEST listing every problem by rule path otherwise.
 */
export const prepareSegmentDefinition = async ({
  workspaceId,
  definition,
  executor = db,
}: {
  workspaceId: string;
  definition: unknown;
  executor?: Executor;
}): Promise<SegmentDefinition> => {
  const parsed = ZSegmentDefinition.safeParse(definition);
  if (!parsed.success) throw segmentProblemsError(problemsFromZod(parsed.error));

  const keys = new Set<string>();
  const listIds = new Set<string>();
  walkSegment(parsed.data.root, (node) => {
    if (node.type === "attribute") {
      const key = customAttributeKey(node.field);
      if (key) keys.add(key);
    } else if (node.type === "list") listIds.add(node.listId);
  });

  const [attributes, knownLists] = await Promise.all([
    keys.size ? listSegmentAttributes({ workspaceId, keys: [...keys], executor }) : [],
    listIds.size
      ? executor
          .select({ id: lists.id })
          .from(lists)
          .where(and(eq(lists.workspaceId, workspaceId), inArray(lists.id, [...listIds])))
      : [],
  ]);

  const { definition: checked, problems } = checkSegmentDefinition(parsed.data, {
    attributeTypes: new Map<string, ValueType>(attributes.map((attribute) => [attribute.key, attribute.type])),
    listIds: new Set(knownLists.map((list) => list.id)),
  });
  if (problems.length) throw segmentProblemsError(problems);
  return checked;
};
