import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";

export type LiveTrigger = { workspaceId: string; journeyId: string; versionId: string; nodeId: string; key: string | null };

/** Every live journey's triggers of one type, across workspaces (for the scheduled entry checks). */
export const liveTriggersOfType = async (executor: Executor, triggerType: string, workspaceId?: string): Promise<LiveTrigger[]> => {
  const scope = workspaceId ? sql`and t.workspace_id = ${workspaceId}::uuid` : sql``;
  const rows = await executor.execute<{ workspace_id: string; journey_id: string; version_id: string; node_id: string; key: string | null }>(sql`
    select t.workspace_id, t.journey_id, t.version_id, t.node_id, t.key
    from journey_triggers t join journeys j on j.id = t.journey_id and j.workspace_id = t.workspace_id
    where t.trigger_type = ${triggerType} and j.status = 'live' and t.version_id = j.live_version_id ${scope}
    order by t.workspace_id, t.journey_id`);
  return rows.map((row) => ({ workspaceId: row.workspace_id, journeyId: row.journey_id, versionId: row.version_id, nodeId: row.node_id, key: row.key }));
};
