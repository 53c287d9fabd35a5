import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import type { JourneyRunContact } from "./step-types";

export type ClaimedRun = {
  id: number;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  contactId: string;
  nodeId: string;
  status: string;
  stepNo: number;
  context: Record<string, unknown>;
  waitEvent: string | null;
  waitKey: string | null;
  enteredAt: Date;
  /** updated_at as set by this claim: outcomes are written only where it is unchanged (see writeOutcomes). */
  fence: string;
  journeyStatus: string;
  journeyName: string;
  webhookSecret: string;
  contact: JourneyRunContact;
};

type Row = {
  id: string | number;
  workspace_id: string;
  journey_id: string;
  version_id: string;
  contact_id: string;
  node_id: string;
  status: string;
  step_no: number;
  context: Record<string, unknown>;
  wait_event: string | null;
  wait_key: string | null;
  entered_at: string | Date;
  fence: string;
  journey_status: string;
  journey_name: string;
  webhook_secret: string;
  email: string | null;
  phone: string | null;
  phone_country: string | null;
  first_name: string | null;
  last_name: string | null;
  timezone: string | null;
  locale: string | null;
  attributes: Record<string, unknown> | null;
  email_status: string | null;
  sms_status: string | null;
};

/**
 * Claims up to `limit` due runs with a lease: their wake_at moves to now + lease, so nobody else takes
 * them meanwhile, and a worker that dies leaves them due again when the lease runs out (the step then
 * runs again; what steps do is idempotent per (run, node, step_no)). SKIP LOCKED lets several workers
 * claim side by side without waiting on each other. updated_at is the claim's fencing token.
 */
export const claimDueRuns = async (
  executor: Executor,
  {
    now,
    dueBy = now,
    dueAfter,
    limit,
    leaseSeconds,
    workspaceId,
  }: { now: Date; /** Claims runs due at or before this (default now). */ dueBy?: Date; /** ...and strictly after this, if given. */ dueAfter?: Date; limit: number; leaseSeconds: number; workspaceId?: string },
): Promise<ClaimedRun[]> => {
  const scope = workspaceId ? sql`and workspace_id = ${workspaceId}::uuid` : sql``;
  const after = dueAfter ? sql`and wake_at > ${dueAfter.toISOString()}::timestamptz` : sql``;
  const rows = await executor.execute<Row>(sql`
    with due as (
      select id from journey_states
      where finished_at is null and wake_at <= ${dueBy.toISOString()}::timestamptz ${after} ${scope}
      order by wake_at
      limit ${limit}
      for update skip locked
    ), claimed as (
      update journey_states s
      set wake_at = ${now.toISOString()}::timestamptz + make_interval(secs => ${leaseSeconds}), updated_at = clock_timestamp()
      from due where s.id = due.id
      returning s.*
    )
    select cl.id, cl.workspace_id, cl.journey_id, cl.version_id, cl.contact_id, cl.node_id, cl.status::text as status, cl.step_no,
      cl.context, cl.wait_event, cl.wait_key, cl.entered_at, cl.updated_at::text as fence,
      j.status::text as journey_status, j.name as journey_name, j.webhook_secret,
      c.email, c.phone, c.phone_country, c.first_name, c.last_name, c.timezone, c.locale, c.attributes,
      c.email_status::text as email_status, c.sms_status::text as sms_status
    from claimed cl
    join journeys j on j.id = cl.journey_id
    join contacts c on c.id = cl.contact_id
    order by cl.id`);
  return rows.map((row) => ({
    id: Number(row.id),
    workspaceId: row.workspace_id,
    journeyId: row.journey_id,
    versionId: row.version_id,
    contactId: row.contact_id,
    nodeId: row.node_id,
    status: row.status,
    stepNo: row.step_no,
    context: row.context ?? {},
    waitEvent: row.wait_event,
    waitKey: row.wait_key,
    enteredAt: new Date(row.entered_at),
    fence: row.fence,
    journeyStatus: row.journey_status,
    journeyName: row.journey_name,
    webhookSecret: row.webhook_secret,
    contact: {
      id: row.contact_id,
      email: row.email,
      phone: row.phone,
      phoneCountry: row.phone_country,
      firstName: row.first_name,
      lastName: row.last_name,
      timezone: row.timezone,
      locale: row.locale,
      attributes: row.attributes ?? {},
      emailStatus: row.email_status,
      smsStatus: row.sms_status,
    },
  }));
};
