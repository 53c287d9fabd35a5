import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { enterRuns, findTriggers, rowsSource } from "./enter-runs";
import { keyText, matchesPropertyFilters, readPath } from "./property-filters";
import { FAST_LANE, queueAdvance } from "./queue-advance";
import { loadVersions } from "./version-cache";

export type TrackedEvent = { contactId: string; name: string; properties: Record<string, unknown> };

/**
 * What journeys do with a batch of events just stored, in the ingest transaction (so an event is
 * acted on exactly when it is stored). Per batch, whatever its size: one indexed read of the event
 * triggers and one of the runs those contacts have in flight; writes only when something matches.
 * - "event occurred" triggers whose filters pass enter the contact, with the event's properties as context;
 * - runs waiting for one of these events (journey_states_event_idx), with the same key when the wait
 *   has a matchKey (or no key) and passing filters, are marked matched and made due now;
 * - runs of journeys whose goal is one of these events are marked and made due now; the runtime then
 *   finishes them ("goal met") wherever they are.
 * The runtime does the rest (steps, counters) in its next batch; an advance job is queued here.
 */
export const onEventsTracked = async (tx: Executor, { workspaceId, events }: { workspaceId: string; events: readonly TrackedEvent[] }) => {
  if (!events.length) return;
  const names = [...new Set(events.map((event) => event.name))];
  let queued = false;

  const triggers = await findTriggers(tx, { workspaceId, triggerType: "trigger_event", keys: names });
  if (triggers.length) {
    const versions = await loadVersions(tx, triggers.map((trigger) => trigger.versionId));
    for (const trigger of triggers) {
      const version = versions.get(trigger.versionId);
      const node = version?.nodes.get(trigger.nodeId);
      if (!version || node?.type !== "trigger_event") continue;
      const entering = events.filter((event) => event.name === node.config.eventName.trim() && matchesPropertyFilters(event.properties, node.config.filters));
      if (!entering.length) continue;
      const entered = await enterRuns(tx, {
        workspaceId,
        journeyId: trigger.journeyId,
        triggerNodeId: trigger.nodeId,
        entry: version.definition.settings.entry,
        source: rowsSource(entering.map((event) => ({ contactId: event.contactId, context: event.properties }))),
        queue: false,
      });
      queued ||= entered.length > 0;
    }
  }

  const contactIds = [...new Set(events.map((event) => event.contactId))];
  const candidates = await tx.execute<{ id: string | number; version_id: string; node_id: string; contact_id: string; wait_event: string | null; wait_key: string | null }>(sql`
    select s.id, s.version_id, s.node_id, s.contact_id, s.wait_event, s.wait_key
    from journey_states s
    where s.workspace_id = ${workspaceId}::uuid and s.contact_id = any(${sql.param(contactIds)}::uuid[]) and s.finished_at is null
      and (s.wait_event = any(${sql.param(names)}::text[])
        or exists (select 1 from journey_versions v where v.id = s.version_id
          and v.definition -> 'settings' -> 'goal' ->> 'eventName' = any(${sql.param(names)}::text[])))`);
  if (candidates.length) {
    const byContact = new Map<string, TrackedEvent[]>();
    for (const event of events) byContact.set(event.contactId, [...(byContact.get(event.contactId) ?? []), event]);
    const versions = await loadVersions(tx, candidates.map((row) => row.version_id));
    const at = new Date().toISOString();
    const marks: Array<{ id: number; kind: "goal" | "matched"; mark: { event: string; at: string } }> = [];
    for (const run of candidates) {
      const version = versions.get(run.version_id);
      if (!version) continue;
      const theirs = byContact.get(run.contact_id) ?? [];
      const goal = version.definition.settings.goal;
      const goalEvent = goal ? theirs.find((event) => event.name === goal.eventName.trim() && matchesPropertyFilters(event.properties, goal.filters)) : undefined;
      if (goalEvent) {
        marks.push({ id: Number(run.id), kind: "goal", mark: { event: goalEvent.name, at } });
        continue;
      }
      const node = version.nodes.get(run.node_id);
      if (node?.type !== "wait_for_event" || run.wait_event === null) continue;
      const { eventName, filters, matchKey } = node.config;
      const matched = theirs.find(
        (event) =>
          event.name === eventName.trim() &&
          (matchKey === null || run.wait_key === null || keyText(readPath(event.properties, matchKey)) === run.wait_key) &&
          matchesPropertyFilters(event.properties, filters),
      );
      if (matched) marks.push({ id: Number(run.id), kind: "matched", mark: { event: matched.name, at } });
    }
    if (marks.length) {
      // Locked in id order (as the runtime's writes are), then marked; no longer waiting, so a second event
      // cannot match again. Due an hour ago: claims go by wake_at, so a matched run is taken before the
      // backlog of timers (the waits read their own times from the context, not from wake_at).
      await tx.execute(sql`
        with m as (select * from jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) as m(id bigint, kind text, mark jsonb)),
        locked as (select s.id from journey_states s join m on m.id = s.id where s.finished_at is null order by s.id for update of s)
        update journey_states s set
          context = s.context || jsonb_build_object('_herald', coalesce(s.context -> '_herald', '{}'::jsonb) || jsonb_build_object(m.kind, m.mark)),
          wait_event = null, wait_key = null, wake_at = now() - interval '1 hour', updated_at = now()
        from m where s.id = m.id and s.id in (select id from locked)`);
      await queueAdvance(tx, { lanes: [FAST_LANE] });
    }
  }
  if (queued) await queueAdvance(tx);
};
