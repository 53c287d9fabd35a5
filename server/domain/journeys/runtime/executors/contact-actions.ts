import { and, eq, inArray, sql } from "drizzle-orm";
import { attributeDefinitions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { liquidText } from "@/server/domain/content/render/liquid";
import { contactMergeFields } from "@/server/domain/content/render/merge-scope";
import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import { ATTRIBUTE_KEY_PATTERN } from "@/server/domain/segments/segment-rules";
import { eventScope } from "../run-context";
import type { StepExecutor, StepOutcome } from "../step-types";
import { enterOnListJoin } from "../triggers/list-joined";

/** Contact columns update_attribute may set besides custom attributes. */
const COLUMNS = { first_name: sql`first_name`, last_name: sql`last_name`, timezone: sql`timezone`, locale: sql`locale` } as const;
const isColumn = (name: string): name is keyof typeof COLUMNS => Object.hasOwn(COLUMNS, name);

/** A rendered value stored with the attribute's defined type (a number attribute gets a JSON number), else as text. */
const typed = (value: string, type: string | undefined): unknown => {
  if (type === "number" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  if (type === "boolean" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  return value;
};

/**
 * Renders `value` with Liquid per contact ({{ contact.* }}, {{ event.* }}) and writes every contact of
 * the batch in one UPDATE. An empty result clears the attribute. A template error skips the step for
 * that contact (the timeline says why) rather than stopping the journey.
 */
export const updateAttribute: StepExecutor<JourneyNodeOf<"update_attribute">> = async ({ journey, node, items }) => {
  const { attribute, value } = node.config;
  const outcomes = new Map<number, StepOutcome>();
  const key = attribute.startsWith("attributes.") ? attribute.slice("attributes.".length) : attribute;
  if (!isColumn(key) && !ATTRIBUTE_KEY_PATTERN.test(key)) {
    for (const item of items) outcomes.set(item.stateId, { kind: "next", handle: "next", outcome: "skipped", detail: { error: `"${attribute}" is not an attribute name` } });
    return outcomes;
  }
  const [definition] = isColumn(key)
    ? []
    : await db
        .select({ type: attributeDefinitions.type })
        .from(attributeDefinitions)
        .where(and(eq(attributeDefinitions.workspaceId, journey.workspaceId), inArray(attributeDefinitions.key, [key])));
  const template = liquidText.parse(value);
  const rows: Array<{ id: string; value: unknown; clear: boolean }> = [];
  for (const item of items) {
    try {
      const rendered = liquidText.renderSync(template, { contact: contactMergeFields(item.contact), event: eventScope(item.context) }) as string;
      rows.push({ id: item.contactId, value: typed(rendered, definition?.type), clear: rendered === "" });
      outcomes.set(item.stateId, { kind: "next", handle: "next", outcome: "updated", detail: { attribute: key, value: rendered } });
    } catch (error) {
      outcomes.set(item.stateId, { kind: "next", handle: "next", outcome: "skipped", detail: { attribute: key, error: (error as Error).message } });
    }
  }
  if (!rows.length) return outcomes;
  const input = sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(id uuid, value jsonb, clear boolean)`;
  if (isColumn(key)) {
    await db.execute(sql`
      update contacts c set ${COLUMNS[key]} = case when t.clear then null else t.value #>> '{}' end, updated_at = now()
      from ${input} where c.id = t.id and c.workspace_id = ${journey.workspaceId}::uuid`);
  } else {
    await db.execute(sql`
      update contacts c set attributes = case when t.clear then c.attributes - ${key}::text else c.attributes || jsonb_build_object(${key}::text, t.value) end,
        updated_at = now()
      from ${input} where c.id = t.id and c.workspace_id = ${journey.workspaceId}::uuid`);
  }
  return outcomes;
};

/** Subscribes the batch to the list (re-subscribing those who had left), which may start list-joined journeys in turn. */
export const addToList: StepExecutor<JourneyNodeOf<"add_to_list">> = async ({ journey, node, items }) => {
  const { listId } = node.config;
  const ids = items.map((item) => item.contactId);
  const added = listId
    ? await db.transaction(async (tx) => {
        const rows = await tx.execute<{ contact_id: string }>(sql`
          insert into list_memberships (list_id, contact_id, workspace_id, status, subscribed_at, status_changed_at)
          select l.id, c.id, l.workspace_id, 'subscribed', now(), now()
          from lists l join contacts c on c.workspace_id = l.workspace_id and c.id = any(${sql.param(ids)}::uuid[])
          where l.id = ${listId}::uuid and l.workspace_id = ${journey.workspaceId}::uuid
          on conflict (list_id, contact_id) do update
            set status = 'subscribed', subscribed_at = excluded.subscribed_at, status_changed_at = excluded.status_changed_at
            where list_memberships.status <> 'subscribed'
          returning contact_id`);
        if (rows.length) await enterOnListJoin(tx, { workspaceId: journey.workspaceId, listId });
        return new Set(rows.map((row) => row.contact_id));
      })
    : null;
  return new Map(
    items.map((item) => [
      item.stateId,
      added === null
        ? { kind: "next", handle: "next", outcome: "skipped", detail: { error: "no list chosen" } }
        : { kind: "next", handle: "next", outcome: added.has(item.contactId) ? "added" : "already_member", detail: { listId } },
    ]),
  );
};

/** Takes the batch off the list (the membership goes, as with removing members by hand). */
export const removeFromList: StepExecutor<JourneyNodeOf<"remove_from_list">> = async ({ journey, node, items }) => {
  const { listId } = node.config;
  const removed = listId
    ? new Set(
        (
          await db.execute<{ contact_id: string }>(sql`
            delete from list_memberships where list_id = ${listId}::uuid and workspace_id = ${journey.workspaceId}::uuid
              and contact_id = any(${sql.param(items.map((item) => item.contactId))}::uuid[])
            returning contact_id`)
        ).map((row) => row.contact_id),
      )
    : null;
  return new Map(
    items.map((item) => [
      item.stateId,
      removed === null
        ? { kind: "next", handle: "next", outcome: "skipped", detail: { error: "no list chosen" } }
        : { kind: "next", handle: "next", outcome: removed.has(item.contactId) ? "removed" : "not_member", detail: { listId } },
    ]),
  );
};
