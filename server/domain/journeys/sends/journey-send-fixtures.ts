import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { contacts, journeys, journeyStates, journeyVersions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { emptyJourneyDefinition, type JourneyNode, type JourneySettings } from "@/server/domain/journeys/journey-definition";
import type { StepInput, StepItem, StepJourney } from "@/server/domain/journeys/runtime/step-types";
import { inArray } from "drizzle-orm";

/**
 * A journey with a published version and one run per contact sitting on `nodeId`, as the runtime would
 * hand them to an executor. For executor tests, which call executors directly instead of through the
 * batch runner.
 */
export const seedJourneyRuns = async ({
  workspaceId,
  contactIds,
  nodeId,
  name = "Welcome series",
  settings = {},
  context = {},
  nodes = [],
}: {
  workspaceId: string;
  contactIds: string[];
  nodeId: string;
  name?: string;
  settings?: Partial<JourneySettings>;
  context?: Record<string, unknown>;
  /** The published version's steps (the view-in-browser page reads a send's step from it). */
  nodes?: JourneyNode[];
}) => {
  const definition = { ...emptyJourneyDefinition(), nodes };
  const [journey] = await db
    .insert(journeys)
    .values({ workspaceId, name, status: "live", draft: definition, webhookSecret: randomBytes(24).toString("base64url") })
    .returning();
  const [version] = await db.insert(journeyVersions).values({ journeyId: journey!.id, workspaceId, version: 1, definition }).returning();
  await db.execute(sql`update journeys set live_version_id = ${version!.id} where id = ${journey!.id}`);
  const states = contactIds.length
    ? await db
        .insert(journeyStates)
        .values(contactIds.map((contactId) => ({ workspaceId, journeyId: journey!.id, versionId: version!.id, contactId, nodeId, stepNo: 1, context })))
        .returning()
    : [];
  const stepJourney: StepJourney = {
    id: journey!.id,
    workspaceId,
    name,
    versionId: version!.id,
    settings: { ...definition.settings, ...settings },
    webhookSecret: journey!.webhookSecret,
  };
  return { journey: stepJourney, states };
};

/** The runs' items as the runtime claims them (contacts read now), optionally at another step number. */
export const stepItems = async (states: Array<typeof journeyStates.$inferSelect>, stepNo?: number): Promise<StepItem[]> => {
  if (states.length === 0) return [];
  const rows = await db.select().from(contacts).where(inArray(contacts.id, states.map((s) => s.contactId)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return states.map((state) => {
    const c = byId.get(state.contactId)!;
    return {
      stateId: state.id,
      contactId: state.contactId,
      stepNo: stepNo ?? state.stepNo,
      context: state.context,
      enteredAt: state.enteredAt,
      contact: {
        id: c.id,
        email: c.email,
        phone: c.phone,
        phoneCountry: c.phoneCountry,
        firstName: c.firstName,
        lastName: c.lastName,
        timezone: c.timezone,
        locale: c.locale,
        attributes: (c.attributes ?? {}) as Record<string, unknown>,
        emailStatus: c.emailStatus,
        smsStatus: c.smsStatus,
      },
    };
  });
};

export const stepInput = <N extends JourneyNode>(journey: StepJourney, node: N, items: StepItem[], now = new Date()): StepInput<N> => ({ journey, node, items, now });
