import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";

/** Where a run stands after this batch. */
export type RunWrite = {
  id: number;
  fence: string;
  node_id: string;
  status: "active" | "waiting" | "completed" | "exited" | "failed";
  wake_at: string | null;
  wait_event: string | null;
  wait_key: string | null;
  step_no: number;
  context: Record<string, unknown>;
  exit_reason: string | null;
  finished: boolean;
};

export type StepWrite = {
  state_id: number;
  workspace_id: string;
  journey_id: string;
  contact_id: string;
  node_id: string;
  node_type: string;
  outcome: string;
  detail: Record<string, unknown> | null;
  seq: number;
};

export type StatWrite = { state_id: number; journey_id: string; node_id: string; entered: number; left: number };

/**
 * Writes a batch's outcomes in one statement: the runs (UPDATE ... FROM jsonb_to_recordset), their
 * timeline steps and the node counters, the last two only for runs whose update went through. A run
 * is updated only while updated_at still equals the claim's value (the fence): if an event matched it
 * meanwhile, or its lease ran out and another worker claimed it, this write skips it and the newer
 * holder decides. Rows are locked in id order, the same order event matching uses, so the two never
 * deadlock; counters are upserted in (journey, node) order for the same reason.
 */
export const writeOutcomes = async (executor: Executor, runs: RunWrite[], steps: StepWrite[], stats: StatWrite[]): Promise<Set<number>> => {
  if (!runs.length) return new Set();
  const rows = await executor.execute<{ id: string | number }>(sql`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(runs)}::jsonb) as v(
        id bigint, fence timestamptz, node_id text, status text, wake_at timestamptz, wait_event text, wait_key text,
        step_no int, context jsonb, exit_reason text, finished boolean)
    ), locked as (
      select s.id from journey_states s join v on v.id = s.id and s.updated_at = v.fence
      order by s.id
      for update of s
    ), updated as (
      update journey_states s set
        node_id = v.node_id, status = v.status::journey_state_status, wake_at = v.wake_at, wait_event = v.wait_event, wait_key = v.wait_key,
        step_no = v.step_no, context = v.context, exit_reason = v.exit_reason,
        finished_at = case when v.finished then now() end, updated_at = now()
      from v where s.id = v.id and s.id in (select id from locked)
      returning s.id
    ), steps as (
      insert into journey_steps (workspace_id, journey_id, state_id, contact_id, node_id, node_type, outcome, detail)
      select st.workspace_id, st.journey_id, st.state_id, st.contact_id, st.node_id, st.node_type, st.outcome, st.detail
      from jsonb_to_recordset(${JSON.stringify(steps)}::jsonb) as st(
        state_id bigint, workspace_id uuid, journey_id uuid, contact_id uuid, node_id text, node_type text, outcome text, detail jsonb, seq int)
      where st.state_id in (select id from updated)
      order by st.seq
    ), stats as (
      insert into journey_node_stats (journey_id, node_id, entered, left_count)
      select x.journey_id, x.node_id, sum(x.entered)::int, sum(x."left")::int
      from jsonb_to_recordset(${JSON.stringify(stats)}::jsonb) as x(state_id bigint, journey_id uuid, node_id text, entered int, "left" int)
      where x.state_id in (select id from updated)
      group by x.journey_id, x.node_id
      order by x.journey_id, x.node_id
      on conflict (journey_id, node_id) do update
        set entered = journey_node_stats.entered + excluded.entered, left_count = journey_node_stats.left_count + excluded.left_count
    )
    select id from updated`);
  return new Set(rows.map((row) => Number(row.id)));
};
