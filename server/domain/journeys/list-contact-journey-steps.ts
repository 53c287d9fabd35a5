import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";

export const ZListContactJourneySteps = z.object({
  contactId: z.uuid({ error: "contactId must be a contact id" }),
  limit: z.int().min(1, "limit must be at least 1").max(200, "limit must be at most 200").default(50),
  /** nextCursor from the previous page. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_\d+$/, "cursor must be the nextCursor of an earlier page")
    .nullish(),
});
export type ListContactJourneyStepsInput = z.input<typeof ZListContactJourneySteps>;

export type ContactJourneyStep = {
  id: number;
  journeyId: string;
  journeyName: string;
  nodeId: string;
  nodeType: string;
  outcome: string;
  detail: Record<string, unknown> | null;
  occurredAt: Date;
};

export type ContactJourneyRun = {
  stateId: number;
  journeyId: string;
  journeyName: string;
  /** active | waiting | completed | exited | failed */
  status: string;
  nodeId: string;
  wakeAt: Date | null;
  waitEvent: string | null;
  exitReason: string | null;
  enteredAt: Date;
  finishedAt: Date | null;
};

/**
 * The contact's timeline of journey steps, newest first, a page at a time (keyset on occurred_at, id,
 * which the (workspace, contact, occurred_at) index serves), each with its journey's name.
 */
export const listContactJourneySteps = async ({ workspaceId, ...input }: ListContactJourneyStepsInput & { workspaceId: string }) => {
  const { contactId, limit, cursor } = parseInput(ZListContactJourneySteps, input);
  const [cursorAt, cursorId] = cursor ? [cursor.slice(0, cursor.lastIndexOf("_")), Number(cursor.slice(cursor.lastIndexOf("_") + 1))] : [null, null];
  const rows = await db.execute<{
    id: number;
    journey_id: string;
    journey_name: string | null;
    node_id: string;
    node_type: string;
    outcome: string;
    detail: Record<string, unknown> | null;
    occurred_at: string;
  }>(sql`
    select s.id, s.journey_id, j.name as journey_name, s.node_id, s.node_type, s.outcome, s.detail,
      to_char(s.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at
    from journey_steps s
    left join journeys j on j.id = s.journey_id and j.workspace_id = ${workspaceId}
    where s.workspace_id = ${workspaceId} and s.contact_id = ${contactId}
      ${cursorAt ? sql`and (s.occurred_at, s.id) < (${cursorAt}::timestamptz, ${cursorId}::bigint)` : sql``}
    order by s.occurred_at desc, s.id desc
    limit ${limit + 1}`);
  const page = rows.slice(0, limit);
  const steps: ContactJourneyStep[] = page.map((row) => ({
    id: Number(row.id),
    journeyId: row.journey_id,
    journeyName: row.journey_name ?? "Deleted journey",
    nodeId: row.node_id,
    nodeType: row.node_type,
    outcome: row.outcome,
    detail: row.detail,
    occurredAt: new Date(row.occurred_at),
  }));
  const last = page[page.length - 1];
  // Microseconds in the cursor: steps written in one batch share a millisecond more often than not.
  return { steps, nextCursor: rows.length > limit && last ? `${last.occurred_at}_${last.id}` : null };
};

/** The contact's runs through journeys (current and finished), newest first. */
export const listContactJourneyRuns = async ({ workspaceId, contactId }: { workspaceId: string; contactId: string }): Promise<ContactJourneyRun[]> => {
  parseInput(ZListContactJourneySteps.pick({ contactId: true }), { contactId });
  const rows = await db.execute<{
    id: number;
    journey_id: string;
    journey_name: string;
    status: string;
    node_id: string;
    wake_at: Date | null;
    wait_event: string | null;
    exit_reason: string | null;
    entered_at: Date;
    finished_at: Date | null;
  }>(sql`
    select s.id, s.journey_id, j.name as journey_name, s.status, s.node_id, s.wake_at, s.wait_event, s.exit_reason, s.entered_at, s.finished_at
    from journey_states s
    join journeys j on j.id = s.journey_id and j.workspace_id = ${workspaceId}
    where s.workspace_id = ${workspaceId} and s.contact_id = ${contactId}
    order by s.entered_at desc, s.id desc
    limit 50`);
  return rows.map((row) => ({
    stateId: Number(row.id),
    journeyId: row.journey_id,
    journeyName: row.journey_name,
    status: row.status,
    nodeId: row.node_id,
    wakeAt: row.wake_at ? new Date(row.wake_at) : null,
    waitEvent: row.wait_event,
    exitReason: row.exit_reason,
    enteredAt: new Date(row.entered_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  }));
};
