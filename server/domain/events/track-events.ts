import { sql } from "drizzle-orm";
import { db, type Executor } from "@/server/db/client";
import { AppError, type FieldErrors } from "@/server/errors";
import { onEventsTracked } from "@/server/domain/journeys/runtime/match-events";
import { ensurePartitionsFor } from "./event-partitions";
import { MAX_EVENTS_PER_BATCH, validateTrackedEvent, type TrackEventInput, type ValidEvent } from "./event-input";

export { MAX_EVENTS_PER_BATCH, type TrackEventInput } from "./event-input";

export type TrackEventResult =
  | { index: number; status: "accepted"; contactId: string; contactCreated: boolean }
  | { index: number; status: "rejected"; reason: string; fieldErrors: FieldErrors };

export type TrackEventsResult = {
  accepted: number;
  rejected: number;
  contactsCreated: number;
  /** One entry per event, in the order sent. */
  results: TrackEventResult[];
};

export type TrackEventsOptions = {
  workspaceId: string;
  /** Checked one by one at run time (the HTTP endpoint passes parsed JSON straight through). */
  events: readonly TrackEventInput[];
};

const notFound = (kind: ValidEvent["contact"]["kind"]) =>
  kind === "id"
    ? "No contact with this id in this workspace"
    : `No contact has this ${kind}; send createContact: true to create one`;

type Resolved = Map<string, { id: string; created: boolean }>;
const refKey = (kind: string, value: string) => `${kind}:${value}`;

/** One query per kind of reference, whatever the batch size. */
const resolveContacts = async (tx: Executor, workspaceId: string, events: ValidEvent[]): Promise<Resolved> => {
  const wanted = { id: new Set<string>(), email: new Set<string>(), phone: new Set<string>() };
  for (const { contact } of events) wanted[contact.kind].add(contact.value);
  const resolved: Resolved = new Map();
  const lookups = [
    ["id", sql`id`],
    ["email", sql`email`],
    ["phone", sql`phone`],
  ] as const;
  for (const [kind, column] of lookups) {
    if (!wanted[kind].size) continue;
    const cast = kind === "id" ? sql`::uuid[]` : sql`::text[]`;
    const rows = await tx.execute<{ id: string; key: string }>(sql`
      select id, ${column}::text as key from contacts
      where workspace_id = ${workspaceId} and ${column} = any(${sql.param([...wanted[kind]])}${cast})`);
    for (const row of rows) resolved.set(refKey(kind, row.key), { id: row.id, created: false });
  }
  return resolved;
};

/**
 * Creates the contacts asked for that do not exist yet. ON CONFLICT with the partial unique indexes
 * makes a concurrent creation of the same address harmless; those rows are then read back.
 */
const createMissingContacts = async (tx: Executor, workspaceId: string, events: ValidEvent[], resolved: Resolved) => {
  const emails = new Set<string>();
  const phones = new Map<string, string | null>();
  for (const { contact, createContact } of events) {
    if (!createContact || resolved.has(refKey(contact.kind, contact.value))) continue;
    if (contact.kind === "email") emails.add(contact.value);
    if (contact.kind === "phone") phones.set(contact.value, contact.country);
  }
  let created = 0;
  if (emails.size) {
    const inserted = await tx.execute<{ id: string; email: string }>(sql`
      insert into contacts (workspace_id, email)
      select ${workspaceId}, email from unnest(${sql.param([...emails])}::text[]) as email
      on conflict (workspace_id, email) where email is not null do nothing
      returning id, email`);
    for (const row of inserted) resolved.set(refKey("email", row.email), { id: row.id, created: true });
    created += inserted.length;
  }
  if (phones.size) {
    const inserted = await tx.execute<{ id: string; phone: string }>(sql`
      insert into contacts (workspace_id, phone, phone_country)
      select ${workspaceId}, phone, country
      from unnest(${sql.param([...phones.keys()])}::text[], ${sql.param([...phones.values()])}::text[]) as t(phone, country)
      on conflict (workspace_id, phone) where phone is not null do nothing
      returning id, phone`);
    for (const row of inserted) resolved.set(refKey("phone", row.phone), { id: row.id, created: true });
    created += inserted.length;
  }
  // Whatever a concurrent request created in between is there now.
  const stillMissing = events.filter((e) => e.createContact && !resolved.has(refKey(e.contact.kind, e.contact.value)));
  if (stillMissing.length) {
    for (const [key, value] of await resolveContacts(tx, workspaceId, stillMissing)) resolved.set(key, value);
  }
  return created;
};

/**
 * Records a batch of behavioural events (up to MAX_EVENTS_PER_BATCH). Each event is validated on its
 * own and answered by index; the accepted ones are written together in one transaction (contacts
 * created on request, then every event in one INSERT), so an event is either fully stored or not at all.
 * A contact created for one event of the batch is also used by the other events that name it.
 */
export const trackEvents = async ({ workspaceId, events }: TrackEventsOptions): Promise<TrackEventsResult> => {
  if (events.length > MAX_EVENTS_PER_BATCH) {
    throw new AppError("BAD_REQUEST", `Send at most ${MAX_EVENTS_PER_BATCH} events per call (got ${events.length})`, {
      events: [`at most ${MAX_EVENTS_PER_BATCH} events per call`],
    });
  }
  const now = new Date();
  const results: TrackEventResult[] = new Array(events.length);
  const valid: Array<{ index: number; event: ValidEvent }> = [];
  events.forEach((raw, index) => {
    const outcome = validateTrackedEvent(raw, now);
    if (outcome.ok) valid.push({ index, event: outcome.event });
    else results[index] = { index, status: "rejected", reason: outcome.reason, fieldErrors: outcome.fieldErrors };
  });

  let contactsCreated = 0;
  if (valid.length) {
    await ensurePartitionsFor(valid.map(({ event }) => event.occurredAt), now);
    contactsCreated = await db.transaction(async (tx) => {
      const list = valid.map(({ event }) => event);
      const resolved = await resolveContacts(tx, workspaceId, list);
      const created = await createMissingContacts(tx, workspaceId, list, resolved);
      const rows: Array<{ contact_id: string; name: string; properties: unknown; occurred_at: string }> = [];
      for (const { index, event } of valid) {
        const contact = resolved.get(refKey(event.contact.kind, event.contact.value));
        if (!contact) {
          const reason = notFound(event.contact.kind);
          results[index] = { index, status: "rejected", reason, fieldErrors: { [`contact.${event.contact.kind}`]: [reason] } };
          continue;
        }
        results[index] = { index, status: "accepted", contactId: contact.id, contactCreated: contact.created };
        rows.push({ contact_id: contact.id, name: event.name, properties: event.properties, occurred_at: event.occurredAt.toISOString() });
      }
      if (rows.length) {
        await tx.execute(sql`
          insert into events (workspace_id, contact_id, name, properties, occurred_at)
          select ${workspaceId}, t.contact_id, t.name, coalesce(t.properties, '{}'::jsonb), t.occurred_at
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as t(contact_id uuid, name text, properties jsonb, occurred_at timestamptz)`);
        // Journeys: event triggers, waits for these events, goals (a couple of indexed reads per batch).
        await onEventsTracked(tx, {
          workspaceId,
          events: rows.map((row) => ({ contactId: row.contact_id, name: row.name, properties: (row.properties ?? {}) as Record<string, unknown> })),
        });
      }
      return created;
    });
  }

  // A contact is "created" by the first event that names it; later ones in the batch just use it.
  const seen = new Set<string>();
  for (const result of results) {
    if (result.status !== "accepted") continue;
    if (seen.has(result.contactId)) result.contactCreated = false;
    seen.add(result.contactId);
  }
  const accepted = results.filter((result) => result.status === "accepted").length;
  return { accepted, rejected: results.length - accepted, contactsCreated, results };
};
