import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { segments, type CampaignAudience } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { compileSegmentWhere } from "@/server/domain/segments/compile-segment";
import { AppError, invalidField } from "@/server/errors";

/**
 * The campaign's audience as one boolean SQL expression over `contacts c`: on any chosen list
 * (subscribed there) or in any chosen segment, and on none of the excluded lists or segments.
 */
export const audienceWhere = async (executor: Executor, workspaceId: string, audience: CampaignAudience, now: Date): Promise<SQL> => {
  if (audience.listIds.length === 0 && audience.segmentIds.length === 0)
    throw invalidField("audience", "Choose at least one list or segment to send to");
  const segmentIds = [...audience.segmentIds, ...audience.excludeSegmentIds];
  const rows = segmentIds.length
    ? await executor
        .select({ id: segments.id, definition: segments.definition })
        .from(segments)
        .where(and(eq(segments.workspaceId, workspaceId), inArray(segments.id, segmentIds)))
    : [];
  const definitions = new Map(rows.map((row) => [row.id, row.definition]));
  const segmentSql = (id: string) => {
    const definition = definitions.get(id);
    if (!definition) throw new AppError("BAD_REQUEST", "A chosen segment no longer exists", { audience: ["A chosen segment no longer exists"] });
    return sql`(${compileSegmentWhere(definition as never, { workspaceId, now })})`;
  };
  const onLists = (ids: string[], status: SQL) =>
    sql`exists (select 1 from list_memberships m where m.contact_id = c.id and m.workspace_id = ${workspaceId}
      and m.list_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})${status})`;
  const include: SQL[] = [];
  if (audience.listIds.length) include.push(onLists(audience.listIds, sql` and m.status = 'subscribed'`));
  for (const id of audience.segmentIds) include.push(segmentSql(id));
  const exclude: SQL[] = [];
  if (audience.excludeListIds.length) exclude.push(onLists(audience.excludeListIds, sql``));
  // A rule can be NULL for a contact (a missing attribute); NOT NULL would drop them from the send.
  for (const id of audience.excludeSegmentIds) exclude.push(sql`coalesce(${segmentSql(id)}, false)`);
  return sql`c.workspace_id = ${workspaceId} and (${sql.join(include, sql` or `)})${exclude.length ? sql` and not (${sql.join(exclude, sql` or `)})` : sql``}`;
};
