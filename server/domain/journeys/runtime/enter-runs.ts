import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import type { JourneySettings } from "@/server/domain/journeys/journey-definition";
import { queueAdvance } from "./queue-advance";

export type EntryRule = JourneySettings["entry"];

export type EnterRunsOptions = {
  workspaceId: string;
  journeyId: string;
  /** The trigger node contacts enter through (a run starts there and passes it on its first step). */
  triggerNodeId: string;
  entry: EntryRule;
  /** `select contact_id uuid, context jsonb`: who enters, with what {{ event.* }} data. Duplicates enter once. */
  source: SQL;
  /** Whether to queue an advance job (false when the caller queues one itself). */
  queue?: boolean;
};

/** The runs entered, by contact. */
export type EnteredRun = { stateId: number; contactId: string };

/**
 * Enters many contacts at once, set-based, in the caller's transaction. Skipped without error: a
 * journey that is not live (draft, paused, archived), contacts of another workspace, contacts with an
 * unfinished run (the partial unique index, ON CONFLICT DO NOTHING, also covers a concurrent entry),
 * and contacts the entry rule keeps out: "once" = any earlier run; "again_after N days" = a run entered
 * less than N days ago. New runs sit on the trigger node of the journey's live version, due now.
 */
export const enterRuns = async (executor: Executor, options: EnterRunsOptions): Promise<EnteredRun[]> => {
  const { workspaceId, journeyId, triggerNodeId, entry, source } = options;
  const blockedBy =
    entry.mode === "once" ? sql`true` : sql`p.entered_at > now() - make_interval(days => ${entry.days}::int)`;
  const rows = await executor.execute<{ id: number; contact_id: string }>(sql`
    with journey as (
      select id, live_version_id from journeys
      where id = ${journeyId}::uuid and workspace_id = ${workspaceId}::uuid and status = 'live' and live_version_id is not null
    ), wanted as (
      select distinct on (s.contact_id) s.contact_id, s.context from (${source}) as s(contact_id, context)
    )
    insert into journey_states (workspace_id, journey_id, version_id, contact_id, node_id, status, wake_at, context)
    select ${workspaceId}::uuid, journey.id, journey.live_version_id, w.contact_id, ${triggerNodeId}, 'active', now(), coalesce(w.context, '{}'::jsonb)
    from wanted w
    cross join journey
    join contacts c on c.id = w.contact_id and c.workspace_id = ${workspaceId}::uuid
    where not exists (
      select 1 from journey_states p
      where p.journey_id = journey.id and p.contact_id = w.contact_id and (p.finished_at is null or ${blockedBy})
    )
    on conflict (journey_id, contact_id) where finished_at is null do nothing
    returning id, contact_id`);
  if (rows.length && options.queue !== false) await queueAdvance(executor);
  return rows.map((row) => ({ stateId: Number(row.id), contactId: row.contact_id }));
};

/** A VALUES-like source from JavaScript rows, for enterRuns. */
export const rowsSource = (rows: ReadonlyArray<{ contactId: string; context?: Record<string, unknown> }>): SQL =>
  sql`select t.contact_id, t.context from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ contact_id: row.contactId, context: row.context ?? {} })))}::jsonb) as t(contact_id uuid, context jsonb)`;

export type TriggerRow = { journeyId: string; versionId: string; nodeId: string; key: string | null };

/** The live journeys a trigger starts (journey_triggers is rewritten on publish), by (type, key). */
export const findTriggers = async (
  executor: Executor,
  { workspaceId, triggerType, keys }: { workspaceId: string; triggerType: string; keys?: readonly string[] },
): Promise<TriggerRow[]> => {
  const keyFilter = keys ? sql`and t.key = any(${sql.param([...keys])}::text[])` : sql``;
  const rows = await executor.execute<{ journey_id: string; version_id: string; node_id: string; key: string | null }>(sql`
    select t.journey_id, j.live_version_id as version_id, t.node_id, t.key
    from journey_triggers t join journeys j on j.id = t.journey_id and j.workspace_id = t.workspace_id
    where t.workspace_id = ${workspaceId}::uuid and t.trigger_type = ${triggerType} ${keyFilter}
      and j.status = 'live' and t.version_id = j.live_version_id`);
  return rows.map((row) => ({ journeyId: row.journey_id, versionId: row.version_id, nodeId: row.node_id, key: row.key }));
};
