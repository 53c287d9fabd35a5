import { asc, eq, sql } from "drizzle-orm";
import { lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { listSegmentAttributes } from "./list-segment-attributes";
import { BUILT_IN_FIELDS, OPERATORS_BY_TYPE, type ValueType } from "./segment-rules";

export const MAX_EVENT_NAMES = 200;

export type SegmentFieldOption = { field: string; label: string; type: ValueType; builtIn: boolean };

/**
 * What the rule builder offers: contact fields (built-in and the workspace's custom attributes,
 * with their types and the operators each type takes), the workspace's lists, and the event names
 * it has recorded. Read straight from the tables, so the builder does not wait on other routers.
 */
export const listSegmentOptions = async ({ workspaceId }: { workspaceId: string }) => {
  const [attributes, workspaceLists, eventNames] = await Promise.all([
    listSegmentAttributes({ workspaceId }),
    db.select({ id: lists.id, name: lists.name }).from(lists).where(eq(lists.workspaceId, workspaceId)).orderBy(asc(lists.name)),
    // Distinct names by walking events_name_idx one name at a time (a loose index scan): a few
    // index probes per name instead of reading every event.
    db.execute<{ name: string }>(sql`
      with recursive names(name) as (
        (select e.name from events e where e.workspace_id = ${workspaceId}::uuid order by e.name limit 1)
        union all
        select (select e.name from events e where e.workspace_id = ${workspaceId}::uuid and e.name > names.name order by e.name limit 1)
        from names where names.name is not null
      )
      select name from names where name is not null limit ${MAX_EVENT_NAMES}`),
  ]);
  const fields: SegmentFieldOption[] = [
    ...Object.entries(BUILT_IN_FIELDS).map(([field, { label, type }]) => ({ field, label, type, builtIn: true })),
    ...attributes.map((attribute) => ({ field: `attributes.${attribute.key}`, label: attribute.label, type: attribute.type, builtIn: false })),
  ];
  return {
    fields,
    operatorsByType: OPERATORS_BY_TYPE,
    lists: workspaceLists,
    eventNames: eventNames.map((row) => row.name),
  };
};
