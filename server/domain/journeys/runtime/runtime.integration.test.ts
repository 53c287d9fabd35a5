import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { trackEvents } from "@/server/domain/events/track-events";
import { enterJourneyByApi } from "@/server/domain/journeys/enter-journey";
import { createList } from "@/server/domain/lists/create-list";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { splitPoint } from "./executors/flow";
import { nextLocalTime } from "./local-time";
import { definition, drain, minutesFromNow, nodeStats, publishTestJourney, runsOf, stepsOf } from "./runtime-fixtures";

const setup = async (count = 1) => {
  const { workspace } = await createTestWorkspace();
  const contacts = await insertTestContacts(
    workspace.id,
    Array.from({ length: count }, (_, i) => ({ email: `runtime-${i}-${crypto.randomUUID()}@example.test` })),
  );
  return { workspaceId: workspace.id, contacts };
};

const attributesOf = async (contactId: string) =>
  (await db.execute<{ attributes: Record<string, unknown>; first_name: string | null }>(sql`select attributes, first_name from contacts where id = ${contactId}`))[0]!;

const membership = async (listId: string, contactId: string) =>
  (await db.execute<{ status: string }>(sql`select status::text from list_memberships where list_id = ${listId} and contact_id = ${contactId}`))[0]?.status ?? null;

describe("journey runtime: node types", () => {
  it("update_attribute (Liquid with contact and event), add_to_list, remove_from_list, exit as goal: every step on the timeline, counters per node", async () => {
    const { workspaceId, contacts } = await setup();
    const contact = contacts[0]!;
    const vip = await createList({ workspaceId, name: "VIP" });
    const trial = await createList({ workspaceId, name: "Trial" });
    await db.execute(sql`insert into list_memberships (list_id, contact_id, workspace_id) values (${trial.id}, ${contact.id}, ${workspaceId})`);
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "start", type: "trigger_api" },
          { id: "plan", type: "update_attribute", config: { attribute: "plan", value: "{{ event.plan | upcase }} for {{ contact.email }}" } },
          { id: "name", type: "update_attribute", config: { attribute: "first_name", value: "{{ event.name }}" } },
          { id: "add", type: "add_to_list", config: { listId: vip.id } },
          { id: "remove", type: "remove_from_list", config: { listId: trial.id } },
          { id: "done", type: "exit", config: { goal: true } },
        ],
        [
          ["start", "next", "plan"],
          ["plan", "next", "name"],
          ["name", "next", "add"],
          ["add", "next", "remove"],
          ["remove", "next", "done"],
        ],
      ),
    );
    expect(await enterJourneyByApi({ workspaceId, journeyId, contact: { id: contact.id }, data: { plan: "pro", name: "Ada" } })).toMatchObject({ entered: true });
    expect(await drain(workspaceId)).toBe(6);

    const [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ status: "completed", exit_reason: "goal", finished: true, node_id: "done" });
    expect(await stepsOf(run!.id)).toEqual(["start:entered", "plan:updated", "name:updated", "add:added", "remove:removed", "done:goal"]);
    const after = await attributesOf(contact.id);
    expect(after.attributes.plan).toBe(`PRO for ${contact.email}`);
    expect(after.first_name).toBe("Ada");
    expect(await membership(vip.id, contact.id)).toBe("subscribed");
    expect(await membership(trial.id, contact.id)).toBeNull();
    const stats = await nodeStats(journeyId);
    for (const node of ["start", "plan", "name", "add", "remove", "done"]) expect(stats[node], node).toEqual({ entered: 1, left: 1 });
  });

  it("wait_duration sleeps until its time, then moves on; wait_until wakes at the next allowed local time in the contact's zone", async () => {
    const { workspaceId, contacts } = await setup(2);
    await db.execute(sql`update contacts set timezone = 'Asia/Tokyo' where id = ${contacts[1]!.id}`);
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "start", type: "trigger_api" },
          { id: "pause", type: "wait_duration", config: { amount: 2, unit: "hours" } },
          { id: "morning", type: "wait_until", config: { time: "09:30", weekdays: [1, 2, 3, 4, 5] } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [
          ["start", "next", "pause"],
          ["pause", "next", "morning"],
          ["morning", "next", "end"],
        ],
      ),
    );
    for (const contact of contacts) await enterJourneyByApi({ workspaceId, journeyId, contact: { id: contact.id } });
    const t0 = new Date();
    await drain(workspaceId, t0);
    let runs = await runsOf(journeyId);
    expect(runs.map((r) => [r.node_id, r.status])).toEqual([["pause", "waiting"], ["pause", "waiting"]]);
    expect(runs[0]!.wake_at!.getTime()).toBe(t0.getTime() + 2 * 3600_000);

    // An hour later nothing is due yet.
    await drain(workspaceId, new Date(t0.getTime() + 3600_000));
    expect((await runsOf(journeyId)).every((r) => r.node_id === "pause")).toBe(true);

    const t1 = new Date(t0.getTime() + 2 * 3600_000 + 1000);
    await drain(workspaceId, t1);
    runs = await runsOf(journeyId);
    expect(runs.map((r) => [r.node_id, r.status])).toEqual([["morning", "waiting"], ["morning", "waiting"]]);
    expect(runs[0]!.wake_at!.toISOString()).toBe(nextLocalTime(t1, "UTC", "09:30", [1, 2, 3, 4, 5]).toISOString());
    expect(runs[1]!.wake_at!.toISOString()).toBe(nextLocalTime(t1, "Asia/Tokyo", "09:30", [1, 2, 3, 4, 5]).toISOString());

    await drain(workspaceId, new Date(Math.max(runs[0]!.wake_at!.getTime(), runs[1]!.wake_at!.getTime()) + 1000));
    runs = await runsOf(journeyId);
    expect(runs.every((r) => r.status === "completed")).toBe(true);
    expect(await stepsOf(runs[1]!.id)).toEqual(["start:entered", "pause:waiting", "pause:waited", "morning:waiting", "morning:waited", "end:exited"]);
  });

  it("branch_segment sends each contact down yes or no by the rules now; split_random is deterministic per run and node", async () => {
    const { workspaceId, contacts } = await setup(40);
    await db.execute(sql`update contacts set attributes = '{"plan":"pro"}' where id = any(${sql.param(contacts.slice(0, 10).map((c) => c.id))}::uuid[])`);
    await db.execute(sql`insert into attribute_definitions (workspace_id, key, label, type) values (${workspaceId}, 'plan', 'Plan', 'text')`);
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "start", type: "trigger_api" },
          {
            id: "pro",
            type: "branch_segment",
            config: { definition: { version: 1, timezone: "UTC", root: { type: "group", combinator: "and", rules: [{ type: "attribute", field: "attributes.plan", operator: "equals", value: "pro" }] } } },
          },
          { id: "yes", type: "exit", config: { goal: true } },
          { id: "split", type: "split_random", config: { branches: [{ key: "a", label: "A", percent: 50 }, { key: "b", label: "B", percent: 50 }] } },
          { id: "a", type: "exit", config: { goal: false } },
          { id: "b", type: "exit", config: { goal: false } },
        ],
        [
          ["start", "next", "pro"],
          ["pro", "yes", "yes"],
          ["pro", "no", "split"],
          ["split", "a", "a"],
          ["split", "b", "b"],
        ],
      ),
    );
    for (const contact of contacts) await enterJourneyByApi({ workspaceId, journeyId, contact: { id: contact.id } });
    await drain(workspaceId);
    const runs = await runsOf(journeyId);
    const proIds = new Set(contacts.slice(0, 10).map((c) => c.id));
    for (const run of runs) {
      if (proIds.has(run.contact_id)) expect(run.node_id).toBe("yes");
      else expect(run.node_id).toBe(splitPoint(run.id, "split") < 50 ? "a" : "b");
    }
    const stats = await nodeStats(journeyId);
    expect(stats.yes!.entered).toBe(10);
    expect(stats.a!.entered + stats.b!.entered).toBe(30);
    expect(stats.a!.entered).toBeGreaterThan(0);
    expect(stats.b!.entered).toBeGreaterThan(0);
  });
});

describe("journey runtime: waiting for events", () => {
  const abandonedCart = (timeoutMinutes = 60) =>
    definition(
      [
        { id: "cart", type: "trigger_event", config: { eventName: "cart_abandoned", filters: [] } },
        { id: "wait", type: "wait_for_event", config: { eventName: "order_placed", filters: [], matchKey: "cart_id", timeout: { amount: timeoutMinutes, unit: "minutes" } } },
        { id: "bought", type: "update_attribute", config: { attribute: "outcome", value: "bought {{ event.cart_id }}" } },
        { id: "remind", type: "update_attribute", config: { attribute: "outcome", value: "reminded" } },
        { id: "end", type: "exit", config: { goal: false } },
      ],
      [
        ["cart", "next", "wait"],
        ["wait", "event", "bought"],
        ["wait", "timeout", "remind"],
        ["bought", "next", "end"],
        ["remind", "next", "end"],
      ],
      { entry: { mode: "again_after", days: 0 } },
    );

  it("an order for the same cart ends the wait through 'event'; an order for another cart does not", async () => {
    const { workspaceId, contacts } = await setup();
    const contact = contacts[0]!;
    const journeyId = await publishTestJourney(workspaceId, abandonedCart());
    await trackEvents({ workspaceId, events: [{ contact: { id: contact.id }, event: "cart_abandoned", properties: { cart_id: "C-1" } }] });
    await drain(workspaceId);
    let [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ node_id: "wait", status: "waiting", wait_key: "C-1" });

    await trackEvents({ workspaceId, events: [{ contact: { id: contact.id }, event: "order_placed", properties: { cart_id: "C-2" } }] });
    await drain(workspaceId);
    [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ node_id: "wait", status: "waiting", wait_key: "C-1" });

    await trackEvents({ workspaceId, events: [{ contact: { id: contact.id }, event: "order_placed", properties: { cart_id: "C-1", total: 10 } }] });
    await drain(workspaceId);
    [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ node_id: "end", status: "completed" });
    expect(await stepsOf(run!.id)).toEqual(["cart:entered", "wait:waiting", "wait:matched", "bought:updated", "end:exited"]);
    expect((await attributesOf(contact.id)).attributes.outcome).toBe("bought C-1");
  });

  it("without the event the timeout path is taken once the timeout has passed", async () => {
    const { workspaceId, contacts } = await setup();
    const journeyId = await publishTestJourney(workspaceId, abandonedCart(30));
    await trackEvents({ workspaceId, events: [{ contact: { id: contacts[0]!.id }, event: "cart_abandoned", properties: { cart_id: 77 } }] });
    await drain(workspaceId);
    await drain(workspaceId, minutesFromNow(29));
    expect((await runsOf(journeyId))[0]).toMatchObject({ node_id: "wait", wait_key: "77" });
    await drain(workspaceId, minutesFromNow(31));
    const [run] = await runsOf(journeyId);
    expect(await stepsOf(run!.id)).toEqual(["cart:entered", "wait:waiting", "wait:timed_out", "remind:updated", "end:exited"]);
    expect((await attributesOf(contacts[0]!.id)).attributes.outcome).toBe("reminded");
  });

  it("the journey's goal event takes a contact out wherever they are", async () => {
    const { workspaceId, contacts } = await setup();
    const journeyId = await publishTestJourney(
      workspaceId,
      definition(
        [
          { id: "start", type: "trigger_api" },
          { id: "sleep", type: "wait_duration", config: { amount: 3, unit: "days" } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [
          ["start", "next", "sleep"],
          ["sleep", "next", "end"],
        ],
        { goal: { eventName: "subscribed", filters: [{ path: "plan", operator: "equals", value: "pro" }] } },
      ),
    );
    await enterJourneyByApi({ workspaceId, journeyId, contact: { id: contacts[0]!.id } });
    await drain(workspaceId);
    await trackEvents({ workspaceId, events: [{ contact: { id: contacts[0]!.id }, event: "subscribed", properties: { plan: "basic" } }] });
    await drain(workspaceId);
    expect((await runsOf(journeyId))[0]).toMatchObject({ node_id: "sleep", status: "waiting" });
    await trackEvents({ workspaceId, events: [{ contact: { id: contacts[0]!.id }, event: "subscribed", properties: { plan: "pro" } }] });
    await drain(workspaceId);
    const [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ status: "completed", exit_reason: "goal met", finished: true });
    expect(await stepsOf(run!.id)).toEqual(["start:entered", "sleep:waiting", "sleep:goal_met"]);
    expect((await nodeStats(journeyId)).sleep).toEqual({ entered: 1, left: 1 });
  });
});
