import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { enterRuns, findTriggers, type EnteredRun } from "../enter-runs";
import { loadVersions } from "../version-cache";

/**
 * Enters the contacts who joined `listId` in the caller's transaction into the live journeys that
 * start with "joined a list". Set-based and id-free: now() is the transaction's start time, so the
 * memberships this transaction added or re-subscribed are exactly those whose subscribed_at or
 * status_changed_at equals it (what addListMembers, a journey's add_to_list step and an import's
 * list step write; statusChangesToo for an import that re-subscribes without a new subscribed_at,
 * which reads the list's memberships without the index). Call it after the memberships are written, inside the same transaction.
 */
export const enterOnListJoin = async (
  executor: Executor,
  {
    workspaceId,
    listId,
    statusChangesToo = false,
    at,
  }: { workspaceId: string; listId: string; statusChangesToo?: boolean; /** The writing transaction's now(), when called after it committed. */ at?: string },
): Promise<EnteredRun[]> => {
  const triggers = await findTriggers(executor, { workspaceId, triggerType: "trigger_list_joined", keys: [listId] });
  if (!triggers.length) return [];
  const when = at ? sql`${at}::timestamptz` : sql`now()`;
  const versions = await loadVersions(executor, triggers.map((t) => t.versionId));
  const entered: EnteredRun[] = [];
  for (const trigger of triggers) {
    const version = versions.get(trigger.versionId);
    if (!version) continue;
    entered.push(
      ...(await enterRuns(executor, {
        workspaceId,
        journeyId: trigger.journeyId,
        triggerNodeId: trigger.nodeId,
        entry: version.definition.settings.entry,
        source: sql`
          select lm.contact_id, jsonb_build_object('list_id', lm.list_id::text) from list_memberships lm
          where lm.list_id = ${listId}::uuid and lm.workspace_id = ${workspaceId}::uuid and lm.status = 'subscribed'
            and ${statusChangesToo ? sql`(lm.subscribed_at = ${when} or lm.status_changed_at = ${when})` : sql`lm.subscribed_at = ${when}`}`,
      })),
    );
  }
  return entered;
};

export const ENTER_LIST_TASK = "journeys/enter-list";

/**
 * For writers outside Drizzle (the CSV import's own transaction): queues journeys/enter-list with this
 * transaction's now(), only when the list starts a live journey. The job runs enterOnListJoin after commit.
 */
export const queueListJoinEntrySql = `
  select graphile_worker.add_job('${ENTER_LIST_TASK}', json_build_object('workspaceId', $1::text, 'listId', $2::text, 'at', now()), max_attempts => 5)
  where exists (
    select 1 from journey_triggers t join journeys j on j.id = t.journey_id
    where t.workspace_id = $1::uuid and t.trigger_type = 'trigger_list_joined' and t.key = $2::text and j.status = 'live')`;
