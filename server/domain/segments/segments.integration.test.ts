import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callerFor, callerFromHeaders, createTestApiKey, createTestWorkspace, addTestMember } from "@/server/testing/fixtures";
import { compileSegmentWhere } from "./compile-segment";
import { countSegment } from "./count-segment";
import { createSegment } from "./create-segment";
import { deleteSegment } from "./delete-segment";
import { findSegment } from "./find-segment";
import { listSegmentOptions } from "./list-segment-options";
import { listSegments } from "./list-segments";
import { prepareSegmentDefinition } from "./prepare-segment-definition";
import { sampleSegment } from "./sample-segment";
import type { SegmentDefinitionInput } from "./segment-rules";
import { updateSegment } from "./update-segment";

type Rules = NonNullable<SegmentDefinitionInput["root"]["rules"]>;
type Rule = Rules[number];

const DAY = 86_400_000;
// 02:00 UTC on 1 March 2024: already 1 March in Hong Kong, still 29 February in New York.
const FIXED_NOW = new Date("2024-03-01T02:00:00Z");

const definition = (rules: Rules, { combinator = "and", timezone }: { combinator?: "and" | "or"; timezone?: string } = {}) =>
  ({ version: 1, timezone, root: { type: "group", combinator, rules } }) as SegmentDefinitionInput;

const insertContact = async (workspaceId: string, row: Record<string, unknown>) => {
  const [inserted] = await db.execute<{ id: string }>(sql`
    insert into contacts (workspace_id, email, phone, first_name, last_name, attributes, email_status, sms_status, created_at)
    values (${workspaceId}::uuid, ${row.email as string}, ${(row.phone as string) ?? null}, ${(row.firstName as string) ?? null},
      ${(row.lastName as string) ?? null}, ${JSON.stringify(row.attributes ?? {})}::jsonb,
      ${(row.emailStatus as string) ?? null}::consent_status, ${(row.smsStatus as string) ?? null}::consent_status,
      ${(row.createdAt as string) ?? new Date().toISOString()}::timestamptz)
    returning id`);
  return inserted!.id;
};

const insertList = async (workspaceId: string, name: string, members: Array<[string, "subscribed" | "unsubscribed"]>) => {
  const [list] = await db.execute<{ id: string }>(sql`insert into lists (workspace_id, name) values (${workspaceId}::uuid, ${name}) returning id`);
  for (const [contactId, status] of members) {
    await db.execute(sql`insert into list_memberships (list_id, contact_id, workspace_id, status)
      values (${list!.id}::uuid, ${contactId}::uuid, ${workspaceId}::uuid, ${status}::list_member_status)`);
  }
  return list!.id;
};

const insertEvent = async (workspaceId: string, contactId: string, name: string, daysAgo: number, properties: Record<string, unknown> = {}) => {
  await db.execute(sql`insert into events (workspace_id, contact_id, name, properties, occurred_at)
    values (${workspaceId}::uuid, ${contactId}::uuid, ${name}, ${JSON.stringify(properties)}::jsonb, ${new Date(Date.now() - daysAgo * DAY).toISOString()}::timestamptz)`);
};

const defineAttributes = async (workspaceId: string) => {
  await db.execute(sql`insert into attribute_definitions (workspace_id, key, label, type) values
    (${workspaceId}::uuid, 'age', 'Age', 'number'), (${workspaceId}::uuid, 'city', 'City', 'text'),
    (${workspaceId}::uuid, 'vip', 'VIP', 'boolean'), (${workspaceId}::uuid, 'birthday', 'Birthday', 'date'),
    (${workspaceId}::uuid, 'signup', 'Signed up', 'date'), (${workspaceId}::uuid, 'tags', 'Tags', 'list')`);
};

/** The same five people in a workspace: ana, ben, cat, dan, eve. */
const PEOPLE = [
  {
    email: "ana@example.test",
    firstName: "Ana",
    attributes: { age: 34, city: "Hong Kong", vip: true, birthday: "1990-03-01", tags: ["vip", "beta"] },
    emailStatus: "subscribed",
    createdAt: "2024-02-29T20:00:00Z", // 1 March, 04:00 in Hong Kong
  },
  {
    email: "ben@example.test",
    firstName: "Ben",
    phone: "+85291234567",
    attributes: { age: 19, city: "Taipei", vip: false, birthday: "1992-02-29", tags: ["beta"] },
    smsStatus: "unsubscribed",
    createdAt: "2024-02-20T00:00:00Z",
  },
  // Bad data must make a rule false for this contact, never fail the query.
  { email: "cat@example.test", attributes: { age: "forty", city: "taipei", birthday: "not a date" }, createdAt: "2023-01-01T00:00:00Z" },
  {
    email: "dan@example.test",
    attributes: { age: 50, birthday: "2000-03-06", signup: "2024-05-01T20:00:00.000Z" },
    createdAt: "2024-02-28T12:00:00Z", // 28 February, 20:00 in Hong Kong
  },
  { email: "eve@example.test", emailStatus: "bounced", createdAt: "2024-03-01T01:00:00Z" },
] as const;

type Fixture = { workspaceId: string; ids: Record<string, string>; l1: string; l2: string; otherWorkspaceId: string; otherList: string };
let f: Fixture;

beforeAll(async () => {
  // One workspace for the read-only rule tests below (none of them changes it); B holds the same
  // people with data that would match, to prove none of it leaks into A's answers.
  const { workspace } = await createTestWorkspace("Segments A");
  const { workspace: other } = await createTestWorkspace("Segments B");
  const ids: Record<string, string> = {};
  for (const person of PEOPLE) ids[person.email.split("@")[0]!] = await insertContact(workspace.id, person);
  const otherIds: Record<string, string> = {};
  for (const person of PEOPLE) {
    otherIds[person.email.split("@")[0]!] = await insertContact(other.id, { ...person, attributes: { age: 99, city: "Taipei", vip: true } });
  }
  await defineAttributes(workspace.id);
  await defineAttributes(other.id);

  const l1 = await insertList(workspace.id, "Newsletter", [
    [ids.ana!, "subscribed"],
    [ids.ben!, "unsubscribed"],
    [ids.dan!, "subscribed"],
  ]);
  const l2 = await insertList(workspace.id, "Beta", [[ids.cat!, "subscribed"]]);
  const otherList = await insertList(other.id, "Newsletter", Object.values(otherIds).map((id) => [id, "subscribed"] as [string, "subscribed"]));

  for (const days of [1, 3, 9]) await insertEvent(workspace.id, ids.ana!, "order_placed", days, { total: 120, currency: "HKD", items: ["sku-1", "sku-2"] });
  await insertEvent(workspace.id, ids.ana!, "page_viewed", 40, { path: "/pricing" });
  await insertEvent(workspace.id, ids.ben!, "order_placed", 5, { total: 20, currency: "usd" });
  await insertEvent(workspace.id, ids.dan!, "order_placed", 5, { total: 50 });
  await insertEvent(workspace.id, ids.dan!, "order_placed", 60, { total: 50 });
  await insertEvent(workspace.id, ids.eve!, "cart_abandoned", 1);
  // B's events, some naming A's contacts by id: none of them may count in A.
  for (const id of [...Object.values(otherIds), ids.cat!, ids.eve!]) {
    for (const days of [1, 2, 3]) await insertEvent(other.id, id, "order_placed", days, { total: 500, currency: "HKD" });
    await insertEvent(other.id, id, "cart_abandoned", 1);
  }

  f = { workspaceId: workspace.id, ids, l1, l2, otherWorkspaceId: other.id, otherList };
});

/** Who matches (names before the @), by the compiled SQL; countSegment must agree. */
const matching = async (rules: Rules, options: { combinator?: "and" | "or"; timezone?: string; now?: Date } = {}) => {
  const input = definition(rules, options);
  const prepared = await prepareSegmentDefinition({ workspaceId: f.workspaceId, definition: input });
  const where = compileSegmentWhere(prepared, { workspaceId: f.workspaceId, now: options.now });
  const rows = await db.execute<{ email: string }>(sql`select c.email from contacts c where ${where} order by c.email`);
  const { count } = await countSegment({ workspaceId: f.workspaceId, definition: input, now: options.now });
  expect(count).toBe(rows.length);
  return rows.map((row) => row.email.split("@")[0]);
};

const attr = (field: string, operator: string, value?: unknown, extra: Record<string, unknown> = {}) =>
  ({ type: "attribute", field, operator, value, ...extra }) as Rule;

describe("attribute rules", () => {
  it.each([
    ["gt", 30, ["ana", "dan"]],
    ["gte", 34, ["ana", "dan"]],
    ["lt", 34, ["ben"]],
    ["lte", 34, ["ana", "ben"]],
    ["equals", 50, ["dan"]],
    ["not_equals", 50, ["ana", "ben", "cat", "eve"]],
    ["between", { from: 19, to: 34 }, ["ana", "ben"]],
    ["in", [19, 50], ["ben", "dan"]],
    ["not_in", [19], ["ana", "cat", "dan", "eve"]],
    ["is_set", undefined, ["ana", "ben", "dan"]],
    ["is_not_set", undefined, ["cat", "eve"]],
  ])("number %s %j (a text value in a number attribute matches nothing)", async (operator, value, expected) => {
    expect(await matching([attr("attributes.age", operator, value)])).toEqual(expected);
  });

  it.each([
    ["equals", "taipei", ["ben", "cat"]],
    ["not_equals", "Taipei", ["ana", "dan", "eve"]],
    ["contains", "KONG", ["ana"]],
    ["starts_with", "tai", ["ben", "cat"]],
    ["in", ["Hong Kong", "Nowhere"], ["ana"]],
    ["not_in", ["Hong Kong"], ["ben", "cat", "dan", "eve"]],
    ["is_set", undefined, ["ana", "ben", "cat"]],
    ["is_not_set", undefined, ["dan", "eve"]],
  ])("text %s %j (case-insensitive)", async (operator, value, expected) => {
    expect(await matching([attr("attributes.city", operator, value)])).toEqual(expected);
  });

  it("a LIKE wildcard in the value is taken literally", async () => {
    expect(await matching([attr("attributes.city", "contains", "%")])).toEqual([]);
    expect(await matching([attr("email", "contains", "_")])).toEqual([]);
  });

  it.each([
    ["equals", true, ["ana"]],
    ["not_equals", true, ["ben", "cat", "dan", "eve"]],
    ["is_set", undefined, ["ana", "ben"]],
    ["is_not_set", undefined, ["cat", "dan", "eve"]],
  ])("boolean %s %j", async (operator, value, expected) => {
    expect(await matching([attr("attributes.vip", operator, value)])).toEqual(expected);
  });

  it.each([
    ["contains", "beta", ["ana", "ben"]],
    ["in", ["vip", "gold"], ["ana"]],
    ["not_in", ["beta"], ["cat", "dan", "eve"]],
    ["is_set", undefined, ["ana", "ben"]],
    ["is_not_set", undefined, ["cat", "dan", "eve"]],
  ])("list attribute %s %j", async (operator, value, expected) => {
    expect(await matching([attr("attributes.tags", operator, value)])).toEqual(expected);
  });

  it("built-in fields and consent statuses", async () => {
    expect(await matching([attr("first_name", "equals", "ANA")])).toEqual(["ana"]);
    expect(await matching([attr("phone", "starts_with", "+852")])).toEqual(["ben"]);
    expect(await matching([attr("email", "in", ["eve@example.test", "nobody@example.test"])])).toEqual(["eve"]);
    expect(await matching([attr("email_status", "equals", "subscribed")])).toEqual(["ana"]);
    expect(await matching([attr("email_status", "in", ["subscribed", "bounced"])])).toEqual(["ana", "eve"]);
    expect(await matching([attr("email_status", "not_equals", "subscribed")])).toEqual(["ben", "cat", "dan", "eve"]);
    expect(await matching([attr("email_status", "is_not_set")])).toEqual(["ben", "cat", "dan"]);
    expect(await matching([attr("sms_status", "equals", "unsubscribed")])).toEqual(["ben"]);
  });
});

describe("date rules, in the segment's timezone", () => {
  const at = { now: FIXED_NOW };

  it.each([
    ["before", "1991-01-01", ["ana"]],
    ["after", "1991-01-01", ["ben", "dan"]],
    ["lt", "1992-02-29", ["ana"]],
    ["lte", "1992-02-29", ["ana", "ben"]],
    ["gte", "1992-02-29", ["ben", "dan"]],
    ["equals", "2000-03-06", ["dan"]],
    ["not_equals", "2000-03-06", ["ana", "ben", "cat", "eve"]],
  ])("birthday %s %s (an unreadable date matches nothing)", async (operator, value, expected) => {
    expect(await matching([attr("attributes.birthday", operator, value)], at)).toEqual(expected);
  });

  it("between, is_set and is_not_set", async () => {
    expect(await matching([attr("attributes.birthday", "between", { from: "1990-01-01", to: "1992-12-31" })], at)).toEqual(["ana", "ben"]);
    expect(await matching([attr("attributes.birthday", "is_set")], at)).toEqual(["ana", "ben", "dan"]);
    expect(await matching([attr("attributes.birthday", "is_not_set")], at)).toEqual(["cat", "eve"]);
  });

  it("anniversaries: today where the segment's clock says so, in N days, and 29 February in other years", async () => {
    const birthday = (days: number) => [attr("attributes.birthday", "anniversary", undefined, { days })];
    expect(await matching(birthday(0), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["ana"]); // 1 March there
    expect(await matching(birthday(0), { ...at, timezone: "America/New_York" })).toEqual(["ben"]); // still 29 February
    expect(await matching(birthday(5), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["dan"]);
    expect(await matching(birthday(0), { now: new Date("2025-02-28T12:00:00Z") })).toEqual(["ben"]);
    expect(await matching(birthday(0), { now: new Date("2025-03-01T12:00:00Z") })).toEqual(["ana"]);
  });

  it("created_at: the local day a contact was created depends on the timezone", async () => {
    const created = (operator: string, value?: unknown, extra = {}) => [attr("created_at", operator, value, extra)];
    expect(await matching(created("equals", "2024-03-01"), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["ana", "eve"]);
    expect(await matching(created("equals", "2024-03-01"), { ...at, timezone: "UTC" })).toEqual(["eve"]);
    expect(await matching(created("before", "2024-03-01"), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["ben", "cat", "dan"]);
    expect(await matching(created("after", "2024-02-28"), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["ana", "eve"]);
    expect(await matching(created("after", "2024-02-28"), { ...at, timezone: "UTC" })).toEqual(["ana", "eve"]);
    expect(await matching(created("within_last_days", undefined, { days: 2 }), { ...at, timezone: "UTC" })).toEqual(["ana", "dan", "eve"]);
    expect(await matching(created("within_last_days", undefined, { days: 1 }), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["ana", "eve"]);
    expect(await matching(created("anniversary", undefined, { days: 0 }), { ...at, timezone: "Asia/Hong_Kong" })).toEqual(["ana", "eve"]);
  });

  it("date attributes holding an instant are moved to the segment's timezone first", async () => {
    const signup = (value: string) => [attr("attributes.signup", "equals", value)];
    expect(await matching(signup("2024-05-01"), { timezone: "UTC" })).toEqual(["dan"]);
    expect(await matching(signup("2024-05-02"), { timezone: "UTC" })).toEqual([]);
    expect(await matching(signup("2024-05-02"), { timezone: "Asia/Hong_Kong" })).toEqual(["dan"]);
    expect(await matching([attr("attributes.signup", "within_last_days", undefined, { days: 3 })], { now: new Date("2024-05-03T00:00:00Z") })).toEqual([
      "dan",
    ]);
  });
});

describe("list rules", () => {
  it("members with a subscribed membership by default, any status on request, and the complement", async () => {
    expect(await matching([{ type: "list", operator: "in", listId: f.l1 }])).toEqual(["ana", "dan"]);
    expect(await matching([{ type: "list", operator: "in", listId: f.l1, status: "any" }])).toEqual(["ana", "ben", "dan"]);
    expect(await matching([{ type: "list", operator: "not_in", listId: f.l1 }])).toEqual(["ben", "cat", "eve"]);
    expect(await matching([{ type: "list", operator: "in", listId: f.l2 }])).toEqual(["cat"]);
  });

  it("another workspace's list is refused when saved or counted, and matches nobody if compiled anyway", async () => {
    await expect(
      countSegment({ workspaceId: f.workspaceId, definition: definition([{ type: "list", operator: "in", listId: f.otherList }]) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "root.rules[0].listId: there is no list with this id in this workspace" });
    const where = compileSegmentWhere(definition([{ type: "list", operator: "in", listId: f.otherList, status: "any" }]), {
      workspaceId: f.workspaceId,
    });
    expect(await db.execute(sql`select c.id from contacts c where ${where}`)).toHaveLength(0);
  });
});

describe("event rules", () => {
  const orders = (extra: Record<string, unknown>) => ({ type: "event", name: "order_placed", operator: "at_least", ...extra }) as Rule;

  it.each([
    [{ count: 1 }, ["ana", "ben", "dan"]],
    [{ count: 2 }, ["ana", "dan"]],
    [{ count: 2, window: { type: "last_days", days: 30 } }, ["ana"]],
    [{ operator: "exactly", count: 1, window: { type: "last_days", days: 30 } }, ["ben", "dan"]],
    [{ operator: "exactly", count: 3 }, ["ana"]],
    [{ operator: "at_most", count: 1 }, ["ben", "cat", "eve"]],
    [{ operator: "at_most", count: 0 }, ["cat", "eve"]],
    [{ operator: "did_not_do" }, ["cat", "eve"]],
    [{ operator: "did_not_do", window: { type: "last_days", days: 2 } }, ["ben", "cat", "dan", "eve"]],
  ])("order_placed %j (B's events, even about A's contacts, never count)", async (extra, expected) => {
    expect(await matching([orders(extra)])).toEqual(expected);
  });

  it("between two dates", async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    expect(await matching([orders({ window: { type: "between", from: day(70), to: day(50) } })])).toEqual(["dan"]);
    expect(await matching([orders({ window: { type: "between", from: day(2), to: day(0) } })])).toEqual(["ana"]);
  });

  it.each([
    [{ path: "total", operator: "gt", value: 100 }, ["ana"]],
    [{ path: "total", operator: "lt", value: 30 }, ["ben"]],
    [{ path: "currency", operator: "equals", value: "hkd" }, ["ana"]],
    [{ path: "currency", operator: "equals", value: "USD" }, ["ben"]],
    [{ path: "currency", operator: "not_equals", value: "HKD" }, ["ben", "dan"]],
    [{ path: "currency", operator: "contains", value: "s" }, ["ben"]],
    [{ path: "items", operator: "contains", value: "sku-2" }, ["ana"]],
    [{ path: "items", operator: "exists" }, ["ana"]],
    [{ path: "total", operator: "equals", value: 50 }, ["dan"]],
  ])("property filter %j", async (filter, expected) => {
    expect(await matching([orders({ where: [filter] })])).toEqual(expected);
  });

  it("a nested property path", async () => {
    const [ana] = await db.execute<{ id: string }>(sql`select id from contacts where workspace_id = ${f.workspaceId}::uuid and email = 'ana@example.test'`);
    expect(ana?.id).toBe(f.ids.ana);
    expect(await matching([orders({ where: [{ path: "items.1", operator: "equals", value: "sku-2" }] })])).toEqual(["ana"]);
  });

  it("another workspace's events never count, even those naming this workspace's contacts", async () => {
    expect(await matching([{ type: "event", name: "cart_abandoned", operator: "at_least" }])).toEqual(["eve"]);
    expect(await matching([orders({ count: 3, window: { type: "last_days", days: 5 } })])).toEqual([]);
  });
});

describe("groups", () => {
  it("nested AND/OR", async () => {
    expect(
      await matching([
        {
          type: "group",
          combinator: "or",
          rules: [attr("attributes.city", "starts_with", "tai"), attr("attributes.age", "gt", 40)],
        },
        { type: "list", operator: "in", listId: f.l1, status: "any" },
      ]),
    ).toEqual(["ben", "dan"]);

    expect(
      await matching(
        [
          { type: "event", name: "order_placed", operator: "at_least", count: 2, window: { type: "last_days", days: 30 } },
          {
            type: "group",
            combinator: "and",
            rules: [attr("email_status", "is_not_set"), { type: "list", operator: "not_in", listId: f.l1, status: "any" }],
          },
          { type: "group", combinator: "and", rules: [{ type: "group", combinator: "or", rules: [attr("attributes.birthday", "is_not_set")] }] },
        ],
        { combinator: "or" },
      ),
    ).toEqual(["ana", "cat", "eve"]);
  });

  it("an empty segment is the whole workspace, never another one's contacts", async () => {
    expect(await matching([])).toEqual(["ana", "ben", "cat", "dan", "eve"]);
    expect((await countSegment({ workspaceId: f.otherWorkspaceId, definition: definition([]) })).count).toBe(5);
  });
});

describe("saving, counting and sampling", () => {
  it("checks values against the workspace's attribute definitions, naming the rule path", async () => {
    const { workspace } = await createTestWorkspace();
    await defineAttributes(workspace.id);
    const save = (rules: Rules) => createSegment({ workspaceId: workspace.id, name: "Adults", definition: definition(rules) });
    await expect(save([attr("email", "is_set"), attr("attributes.age", "gte", "18")])).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "root.rules[1].value: expected a number for attribute 'age'",
      fieldErrors: { "root.rules[1].value": ["expected a number for attribute 'age'"] },
    });
    // The definition's own valueType cannot override the workspace's.
    await expect(save([attr("attributes.age", "contains", "1", { valueType: "text" })])).rejects.toMatchObject({
      message: expect.stringMatching(/^root\.rules\[0\]\.operator: 'contains' does not apply to number attribute 'age'/),
    });
    await expect(save([attr("attributes.shoe_size", "gt", 40)])).rejects.toMatchObject({
      message: "root.rules[0].field: there is no attribute 'shoe_size' in this workspace",
    });
    await expect(save([{ type: "engagement", channel: "email", action: "opened" }])).rejects.toMatchObject({
      message: "root.rules[0]: Engagement rules become available when delivery lands",
    });
    await expect(createSegment({ workspaceId: workspace.id, name: "  ", definition: definition([]) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { name: ["Give the segment a name"] },
    });
  });

  it("create, list, get, update, count, sample and delete, all within the workspace", async () => {
    const { workspace } = await createTestWorkspace();
    const other = await createTestWorkspace();
    await defineAttributes(workspace.id);
    const ids: string[] = [];
    for (let n = 0; n < 25; n++) {
      ids.push(
        await insertContact(workspace.id, {
          email: `p${String(n).padStart(2, "0")}@example.test`,
          firstName: `P${n}`,
          lastName: "Person",
          attributes: { age: n },
          createdAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
        }),
      );
    }

    const created = await createSegment({
      workspaceId: workspace.id,
      name: " Over tens ",
      description: "",
      definition: definition([attr("attributes.age", "gte", 10)]),
    });
    expect(created).toMatchObject({ name: "Over tens", description: null });
    // Stored with defaults and each attribute rule's type from the workspace.
    expect(created.definition).toEqual({
      version: 1,
      timezone: "UTC",
      root: { type: "group", combinator: "and", rules: [{ type: "attribute", field: "attributes.age", operator: "gte", value: 10, valueType: "number" }] },
    });
    expect((await listSegments({ workspaceId: workspace.id })).map((s) => s.id)).toEqual([created.id]);
    expect(await listSegments({ workspaceId: other.workspace.id })).toEqual([]);
    expect(await findSegment({ workspaceId: workspace.id, segmentId: created.id })).toEqual(created);
    await expect(findSegment({ workspaceId: other.workspace.id, segmentId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await countSegment({ workspaceId: workspace.id, segmentId: created.id })).toEqual({ count: 15 });
    await expect(countSegment({ workspaceId: other.workspace.id, segmentId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sample = await sampleSegment({ workspaceId: workspace.id, segmentId: created.id });
    expect(sample.contacts).toHaveLength(15);
    expect(sample.contacts[0]).toEqual({ id: ids[10], email: "p10@example.test", phone: null, firstName: "P10", lastName: "Person" });
    const everyone = await sampleSegment({ workspaceId: workspace.id, definition: definition([]) });
    expect(everyone.contacts.map((c) => c.id)).toEqual(ids.slice(0, 20));

    const updated = await updateSegment({
      workspaceId: workspace.id,
      segmentId: created.id,
      name: "Over twenties",
      definition: definition([attr("attributes.age", "gte", 20)]),
    });
    expect(updated.name).toBe("Over twenties");
    expect(await countSegment({ workspaceId: workspace.id, segmentId: created.id })).toEqual({ count: 5 });
    await expect(
      updateSegment({ workspaceId: workspace.id, segmentId: created.id, definition: definition([attr("attributes.age", "gte", "x")]) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(updateSegment({ workspaceId: other.workspace.id, segmentId: created.id, name: "Mine now" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await findSegment({ workspaceId: workspace.id, segmentId: created.id })).name).toBe("Over twenties");

    // A saved segment whose attribute has since been deleted says so when counted.
    await db.execute(sql`delete from attribute_definitions where workspace_id = ${workspace.id}::uuid and key = 'age'`);
    await expect(countSegment({ workspaceId: workspace.id, segmentId: created.id })).rejects.toMatchObject({
      message: "root.rules[0].field: there is no attribute 'age' in this workspace",
    });

    await expect(deleteSegment({ workspaceId: other.workspace.id, segmentId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteSegment({ workspaceId: workspace.id, segmentId: created.id });
    await expect(findSegment({ workspaceId: workspace.id, segmentId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("options: fields with types, lists and recorded event names of this workspace only", async () => {
    const options = await listSegmentOptions({ workspaceId: f.workspaceId });
    expect(options.fields).toContainEqual({ field: "email", label: "Email", type: "text", builtIn: true });
    expect(options.fields).toContainEqual({ field: "attributes.birthday", label: "Birthday", type: "date", builtIn: false });
    expect(options.lists.map((list) => list.name)).toEqual(["Beta", "Newsletter"]);
    expect(options.eventNames).toEqual(["cart_abandoned", "order_placed", "page_viewed"]);
    expect(options.operatorsByType.boolean).toEqual(["equals", "not_equals", "is_set", "is_not_set"]);
  });
});

describe("the segments router", () => {
  it("viewers read and preview, editors save; API keys need contacts:read / contacts:write", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { user: viewer } = await addTestMember(workspace.id, "viewer");
    await insertContact(workspace.id, { email: `${randomUUID()}@example.test` });
    const everyone = definition([attr("email", "is_set")]);

    const asViewer = callerFor(viewer, workspace.id);
    expect(await asViewer.segments.count({ definition: everyone })).toEqual({ count: 1 });
    await expect(asViewer.segments.create({ name: "Mine", definition: everyone })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const asOwner = callerFor(owner, workspace.id);
    const segment = await asOwner.segments.create({ name: "Everyone", definition: everyone });
    expect(await asViewer.segments.count({ segmentId: segment.id })).toEqual({ count: 1 });
    expect((await asViewer.segments.sample({ segmentId: segment.id })).contacts).toHaveLength(1);
    expect(await asViewer.segments.get({ segmentId: segment.id })).toMatchObject({ name: "Everyone" });
    await expect(asViewer.segments.count({ segmentId: segment.id, definition: everyone })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      asOwner.segments.update({ segmentId: segment.id, definition: definition([attr("attributes.nope", "is_set")]) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "root.rules[0].field: there is no attribute 'nope' in this workspace" });

    const { secret: reader } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    const asReader = await callerFromHeaders({ authorization: `Bearer ${reader}` });
    expect(await asReader.segments.count({ segmentId: segment.id })).toEqual({ count: 1 });
    await expect(asReader.segments.delete({ segmentId: segment.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { secret: writer } = await createTestApiKey(workspace.id, owner.id, ["contacts:write"]);
    const asWriter = await callerFromHeaders({ authorization: `Bearer ${writer}` });
    await expect(asWriter.segments.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await asWriter.segments.delete({ segmentId: segment.id })).toEqual({ id: segment.id });
  });
});
