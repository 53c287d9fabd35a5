import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { trackEvents } from "@/server/domain/events/track-events";
import { pauseJourney, resumeJourney } from "@/server/domain/journeys/control-journey";
import { enterJourneyByApi } from "@/server/domain/journeys/enter-journey";
import { addListMembers } from "@/server/domain/lists/add-list-members";
import { createList } from "@/server/domain/lists/create-list";
import { createSegment } from "@/server/domain/segments/create-segment";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { callerFor, createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { startAndRunImport, uploadTestCsv } from "@/server/testing/imports";
import { queuedJobPayloads, withSystemMailQueue } from "@/server/testing/system-mail";
import { POST } from "@/app/api/v1/journeys/[journeyId]/enter/route";
import { PAUSED_RECHECK_MS } from "./advance-runs";
import { definition, drain, publishTestJourney, runsOf, stepsOf } from "./runtime-fixtures";
import { enterDateJourneys } from "./triggers/date-reached";
import { ENTER_LIST_TASK, enterOnListJoin } from "./triggers/list-joined";
import { enterSegmentJourneys } from "./triggers/segment-entered";

const setup = async (count = 1) => {
  const { workspace, owner } = await createTestWorkspace();
  const contacts = await insertTestContacts(
    workspace.id,
    Array.from({ length: count }, (_, i) => ({ email: `entry-${i}-${crypto.randomUUID()}@example.test` })),
  );
  return { workspaceId: workspace.id, ownerId: owner.id, owner, contacts };
};

const apiJourney = (settings: Parameters<typeof definition>[2] = {}) =>
  definition(
    [
      { id: "start", type: "trigger_api" },
      { id: "end", type: "exit", config: { goal: false } },
    ],
    [["start", "next", "end"]],
    settings,
  );

describe("entering journeys", () => {
  it("once: a second entry is refused, even after the first run finished; one unfinished run at a time", async () => {
    const { workspaceId, contacts } = await setup();
    const journeyId = await publishTestJourney(workspaceId, apiJourney());
    const contact = { email: contacts[0]!.email!.toUpperCase() };
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact })).toMatchObject({ entered: true });
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact })).toEqual({ entered: false, reason: "the contact is already in this journey" });
    await drain(workspaceId);
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact })).toEqual({
      entered: false,
      reason: "the contact has been through this journey and may enter only once",
    });
    expect(await runsOf(journeyId)).toHaveLength(1);
  });

  it("again after N days: refused within N days of the last entry, allowed after", async () => {
    const { workspaceId, contacts } = await setup();
    const journeyId = await publishTestJourney(workspaceId, apiJourney({ entry: { mode: "again_after", days: 7 } }));
    const contact = { id: contacts[0]!.id };
    await enterJourneyByApi({ workspaceId, journeyId, contact });
    await drain(workspaceId);
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact })).toEqual({ entered: false, reason: "the contact entered less than 7 days ago" });
    await db.execute(sql`update journey_states set entered_at = now() - interval '8 days' where journey_id = ${journeyId}`);
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact })).toMatchObject({ entered: true });
    expect(await runsOf(journeyId)).toHaveLength(2);
  });

  it("event triggers enter only when the filters pass, with the event's properties as context", async () => {
    const { workspaceId, contacts } = await setup(2);
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "buy", type: "trigger_event", config: { eventName: "purchase", filters: [{ path: "total", operator: "gt", value: 100 }] } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [["buy", "next", "end"]],
      ),
    );
    await trackEvents({
      workspaceId,
      events: [
        { contact: { id: contacts[0]!.id }, event: "purchase", properties: { total: 50 } },
        { contact: { id: contacts[1]!.id }, event: "purchase", properties: { total: 150, sku: "X" } },
        { contact: { id: contacts[0]!.id }, event: "viewed", properties: { total: 500 } },
      ],
    });
    const runs = await runsOf(journeyId);
    expect(runs.map((r) => [r.contact_id, r.context])).toEqual([[contacts[1]!.id, { total: 150, sku: "X" }]]);
  });

  it("joining a list enters list-joined journeys (in the same transaction as the membership)", async () => {
    const { workspaceId, contacts } = await setup(3);
    const list = await createList({ workspaceId, name: "Newsletter" });
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "joined", type: "trigger_list_joined", config: { listId: list.id } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [["joined", "next", "end"]],
      ),
    );
    await addListMembers({ workspaceId, listId: list.id, contactIds: contacts.slice(0, 2).map((c) => c.id) });
    expect((await runsOf(journeyId)).map((r) => r.contact_id).sort()).toEqual(contacts.slice(0, 2).map((c) => c.id).sort());
    // Already members: adding again enters nobody new.
    await addListMembers({ workspaceId, listId: list.id, contactIds: contacts.map((c) => c.id) });
    expect(await runsOf(journeyId)).toHaveLength(3);
    await drain(workspaceId);
    expect((await runsOf(journeyId)).every((r) => r.status === "completed")).toBe(true);
  });

  it("a CSV import into the list enters everyone it added, by a job queued with the import's commit", async () => {
    const { workspaceId, owner, contacts } = await setup();
    const list = await createList({ workspaceId, name: "Imported" });
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "joined", type: "trigger_list_joined", config: { listId: list.id } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [["joined", "next", "end"]],
      ),
    );
    const caller = callerFor(owner, workspaceId);
    const upload = await uploadTestCsv(workspaceId, owner.id, `email\nnew-${crypto.randomUUID()}@example.test\n${contacts[0]!.email}\n`);
    await caller.imports.configure({ importId: upload.importId, columns: [{ kind: "field", field: "email" }], policy: "add_only", listId: list.id });
    expect(await startAndRunImport(caller, upload.importId)).toMatchObject({ outcome: "completed" });
    await withSystemMailQueue(async () => {
      const jobs = await queuedJobPayloads<{ workspaceId: string; listId: string; at: string }>(ENTER_LIST_TASK, "listId", list.id);
      expect(jobs).toHaveLength(1);
      await db.transaction((tx) => enterOnListJoin(tx, { ...jobs[0]!, statusChangesToo: true }));
      await db.execute(sql`
        delete from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = ${ENTER_LIST_TASK})
          and payload->>'listId' = ${list.id}`);
    });
    expect(await runsOf(journeyId)).toHaveLength(2);
  });

  it("segment-entered and date triggers enter the contacts that match when checked", async () => {
    const { workspaceId, contacts } = await setup(3);
    await db.execute(sql`insert into attribute_definitions (workspace_id, key, label, type) values (${workspaceId}, 'tier', 'Tier', 'text')`);
    await db.execute(sql`update contacts set attributes = '{"tier":"gold"}' where id = ${contacts[0]!.id}`);
    const segment = await createSegment({
      workspaceId,
      name: "Gold",
      definition: { version: 1, timezone: "UTC", root: { type: "group", combinator: "and", rules: [{ type: "attribute", field: "attributes.tier", operator: "equals", value: "gold" }] } },
    });
    const segmentJourney = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "gold", type: "trigger_segment_entered", config: { segmentId: segment.id } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [["gold", "next", "end"]],
      ),
    );
    await enterSegmentJourneys({ workspaceId });
    expect((await runsOf(segmentJourney)).map((r) => r.contact_id)).toEqual([contacts[0]!.id]);
    await enterSegmentJourneys({ workspaceId });
    expect(await runsOf(segmentJourney)).toHaveLength(1);

    // Birthdays: today in Tokyo for contact 1 (past 09:00 there), and not today for contact 2.
    const now = new Date("2026-06-15T03:00:00Z"); // 12:00 in Tokyo, 03:00 UTC
    await db.execute(sql`update contacts set timezone = 'Asia/Tokyo', attributes = '{"birthday":"1990-06-15"}' where id = ${contacts[1]!.id}`);
    await db.execute(sql`update contacts set attributes = '{"birthday":"1990-06-15"}' where id = ${contacts[2]!.id}`);
    const birthdayJourney = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "birthday", type: "trigger_date", config: { attribute: "birthday", offsetDays: 0, time: "09:00", recurring: true } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [["birthday", "next", "end"]],
      ),
    );
    await enterDateJourneys({ workspaceId, now });
    expect((await runsOf(birthdayJourney)).map((r) => r.contact_id)).toEqual([contacts[1]!.id]);
    // Later that day in UTC (past 09:00 UTC): contact 2's turn; contact 1 does not enter twice.
    await enterDateJourneys({ workspaceId, now: new Date("2026-06-15T09:20:00Z") });
    expect((await runsOf(birthdayJourney)).map((r) => r.contact_id).sort()).toEqual([contacts[1]!.id, contacts[2]!.id].sort());
  });

  it("POST /api/v1/journeys/{id}/enter with an API key enters the contact; bad input names the field", async () => {
    const { workspaceId, ownerId, contacts } = await setup();
    const journeyId = await publishTestJourney(workspaceId, apiJourney());
    const { secret } = await createTestApiKey(workspaceId, ownerId, ["contacts:write"]);
    const post = async (body: unknown) => {
      const response = await POST(
        new Request(`http://localhost/api/v1/journeys/${journeyId}/enter`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ journeyId }) },
      );
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const ok = await post({ contact: { email: contacts[0]!.email }, data: { cart_id: "C-9" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ entered: true });
    expect((await runsOf(journeyId))[0]!.context).toEqual({ cart_id: "C-9" });
    const bad = await post({ contact: { email: "not an address" } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { fieldErrors: { "contact.email": ["not a valid email address"] } } });
    const missing = await post({ contact: { email: "nobody@example.test" } });
    expect(missing.status).toBe(404);
  });

  it("pausing stops advancing (runs stay where they are), resuming moves them on", async () => {
    const { workspaceId, contacts } = await setup();
    const journeyId = await publishTestJourney(workspaceId, apiJourney());
    await enterJourneyByApi({ workspaceId, journeyId, contact: { id: contacts[0]!.id } });
    await pauseJourney({ workspaceId, journeyId });
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact: { id: contacts[0]!.id } })).toEqual({ entered: false, reason: "the journey is paused" });
    const now = new Date();
    await drain(workspaceId, now);
    let [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ node_id: "start", finished: false });
    expect(run!.wake_at!.getTime()).toBe(now.getTime() + PAUSED_RECHECK_MS);
    expect(await stepsOf(run!.id)).toEqual([]);
    await resumeJourney({ workspaceId, journeyId });
    await drain(workspaceId, new Date(now.getTime() + PAUSED_RECHECK_MS));
    [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ node_id: "end", status: "completed" });
    expect(await stepsOf(run!.id)).toEqual(["start:entered", "end:exited"]);
  });
});
