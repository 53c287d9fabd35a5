import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { sqlClient } from "@/server/db/client";
import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { findList } from "@/server/domain/lists/find-list";
import { compileSegmentWhere } from "@/server/domain/segments/compile-segment";
import { findSegment } from "@/server/domain/segments/find-segment";
import { csvStream, safeFilename } from "./csv-format";

export const CONTACT_EXPORT_COLUMNS = [
  "id",
  "email",
  "phone",
  "first_name",
  "last_name",
  "timezone",
  "locale",
  "email_status",
  "sms_status",
] as const;

type ExportRow = Record<(typeof CONTACT_EXPORT_COLUMNS)[number], string | null> & { attributes: Record<string, unknown> };

const dialect = new PgDialect();
const BATCH = 2000;

/**
 * A CSV of the workspace's contacts (all of them, one list's members whatever their status on the list,
 * or a segment's matches): the built-in columns, then one column per attribute definition, oldest
 * contact first. Checks the list or segment belongs to the workspace before streaming starts, so a
 * wrong id is a clean NOT_FOUND rather than a broken download.
 */
export const exportContacts = async ({ workspaceId, listId, segmentId }: { workspaceId: string; listId?: string | null; segmentId?: string | null }) => {
  let from: SQL = sql`contacts c`;
  let where: SQL = sql`c.workspace_id = ${workspaceId}::uuid`;
  let label = "all-contacts";
  if (listId) {
    const list = await findList({ workspaceId, listId });
    from = sql`contacts c join list_memberships m on m.contact_id = c.id and m.list_id = ${listId}::uuid and m.workspace_id = ${workspaceId}::uuid`;
    label = `list-${list.name}`;
  } else if (segmentId) {
    const segment = await findSegment({ workspaceId, segmentId });
    where = compileSegmentWhere(segment.definition, { workspaceId });
    label = `segment-${segment.name}`;
  }
  const attributes = await listAttributeDefinitions({ workspaceId });
  const query = dialect.sqlToQuery(sql`
    select c.id, c.email, c.phone, c.first_name, c.last_name, c.timezone, c.locale, c.email_status, c.sms_status, c.attributes
    from ${from}
    where ${where}
    order by c.created_at, c.id`);
  const rows = sqlClient()
    .unsafe<ExportRow[]>(query.sql, query.params as never[])
    .cursor(BATCH);
  const stream = csvStream([...CONTACT_EXPORT_COLUMNS, ...attributes.map((a) => a.key)], rows, (row) => [
    ...CONTACT_EXPORT_COLUMNS.map((column) => row[column]),
    ...attributes.map((a) => row.attributes?.[a.key]),
  ]);
  return { filename: `${safeFilename(label)}-${new Date().toISOString().slice(0, 10)}.csv`, stream };
};
