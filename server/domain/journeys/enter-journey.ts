import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { normalizeEmail, normalizePhone } from "@/server/domain/contacts/normalize";
import { AppError } from "@/server/errors";
import { enterRuns, rowsSource } from "./runtime/enter-runs";
import { loadVersions } from "./runtime/version-cache";

const MAX_DATA_BYTES = 32 * 1024;

export const ZEnterJourney = z.object({
  journeyId: z.uuid({ error: "journeyId must be a journey id" }),
  contact: z.union(
    [
      z.object({ id: z.uuid({ error: "contact.id must be a contact id (a UUID)" }) }),
      z.object({ email: z.string({ error: "contact.email must be a string" }) }),
      z.object({ phone: z.string({ error: "contact.phone must be a string" }) }),
    ],
    { error: "contact must be { id }, { email } or { phone }" },
  ),
  /** What {{ event.* }} reads in the journey's messages, and what wait keys (cart_id...) are taken from. */
  data: z
    .record(z.string(), z.unknown(), { error: "data must be an object" })
    .refine((data) => JSON.stringify(data).length <= MAX_DATA_BYTES, { error: `data must be at most ${MAX_DATA_BYTES / 1024} KB as JSON` })
    .optional(),
});

export type EnterJourneyResult = { entered: true; runId: number } | { entered: false; reason: string };

/** The contact named by id, email or phone (normalised as everywhere else), in this workspace. */
const findContactId = async (workspaceId: string, contact: z.infer<typeof ZEnterJourney>["contact"]) => {
  let column: ReturnType<typeof sql>;
  let value: string;
  if ("id" in contact) [column, value] = [sql`id::text`, contact.id.toLowerCase()];
  else if ("email" in contact) {
    const email = normalizeEmail(contact.email);
    if (!email) throw new AppError("BAD_REQUEST", "contact.email is not a valid email address", { "contact.email": ["not a valid email address"] });
    [column, value] = [sql`email`, email];
  } else {
    const phone = normalizePhone(contact.phone);
    if (!phone) throw new AppError("BAD_REQUEST", "contact.phone is not a valid phone number; use the international format", { "contact.phone": ["not a valid phone number"] });
    [column, value] = [sql`phone`, phone.e164];
  }
  const [row] = await db.execute<{ id: string }>(sql`select id from contacts where workspace_id = ${workspaceId}::uuid and ${column} = ${value} limit 1`);
  if (!row) throw new AppError("NOT_FOUND", "No contact matches in this workspace", { contact: ["no such contact"] });
  return row.id;
};

/**
 * The API trigger (tRPC journeyRuns.enter, POST /api/v1/journeys/{id}/enter, the SDK): one contact
 * enters a live journey that starts with "API call", with `data` as its context. Not entering is an
 * answer, not an error: already inside, or kept out by the entry rule.
 */
export const enterJourneyByApi = async ({ workspaceId, ...input }: z.input<typeof ZEnterJourney> & { workspaceId: string }): Promise<EnterJourneyResult> => {
  const { journeyId, contact, data } = parseInput(ZEnterJourney, input);
  const [journey] = await db.execute<{ status: string; live_version_id: string | null; node_id: string | null }>(sql`
    select j.status::text as status, j.live_version_id,
      (select t.node_id from journey_triggers t where t.journey_id = j.id and t.trigger_type = 'trigger_api' and t.version_id = j.live_version_id
       order by t.node_id limit 1) as node_id
    from journeys j where j.id = ${journeyId}::uuid and j.workspace_id = ${workspaceId}::uuid`);
  if (!journey) throw new AppError("NOT_FOUND", "No journey with that id in this workspace");
  if (journey.status !== "live") return { entered: false, reason: `the journey is ${journey.status === "draft" ? "not published" : journey.status}` };
  if (!journey.node_id || !journey.live_version_id) {
    throw new AppError("PRECONDITION_FAILED", "This journey does not start with an API call trigger; add one and publish to enter contacts through the API");
  }
  const contactId = await findContactId(workspaceId, contact);
  const version = (await loadVersions(db, [journey.live_version_id])).get(journey.live_version_id);
  if (!version) throw new AppError("NOT_FOUND", "The journey's live version is missing");
  const entered = await db.transaction((tx) =>
    enterRuns(tx, {
      workspaceId,
      journeyId,
      triggerNodeId: journey.node_id!,
      entry: version.definition.settings.entry,
      source: rowsSource([{ contactId, context: data ?? {} }]),
    }),
  );
  if (entered[0]) return { entered: true, runId: entered[0].stateId };
  const [previous] = await db.execute<{ unfinished: boolean }>(sql`
    select finished_at is null as unfinished from journey_states
    where journey_id = ${journeyId}::uuid and contact_id = ${contactId}::uuid order by entered_at desc limit 1`);
  if (previous?.unfinished) return { entered: false, reason: "the contact is already in this journey" };
  const entry = version.definition.settings.entry;
  return {
    entered: false,
    reason: entry.mode === "once" ? "the contact has been through this journey and may enter only once" : `the contact entered less than ${entry.days} days ago`,
  };
};
