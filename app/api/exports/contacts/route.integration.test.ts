import { beforeAll, describe, expect, it } from "vitest";
import { attributeDefinitions, contacts, listMemberships, lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { CsvParser } from "@/server/domain/imports/csv-parser";
import { createSegment } from "@/server/domain/segments/create-segment";
import type { SegmentDefinitionInput } from "@/server/domain/segments/segment-rules";
import { signInCookie } from "@/server/testing/auth-http";
import { addTestMember, createTestApiKey, createTestWorkspace, TEST_PASSWORD } from "@/server/testing/fixtures";
import { GET } from "./route";

const BASE = "http://localhost:3999";

const download = async (query: string, headers: Record<string, string>) => {
  const response = await GET(new Request(`${BASE}/api/exports/contacts${query}`, { headers }));
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, response, bytes, text: bytes.toString("utf8") };
};

/** The CSV back into rows, with the same parser imports use (so quoting round-trips). */
const parseCsv = (text: string) => {
  const rows: string[][] = [];
  const parser = new CsvParser({ delimiter: ",", onRecord: (fields) => rows.push(fields), onProblem: (p) => rows.push(["PROBLEM", p.reason]) });
  parser.push(text.replace(/^\uFEFF/, ""));
  parser.end();
  return rows.filter((row) => !(row.length === 1 && row[0] === ""));
};

const f = {} as { workspaceId: string; listId: string; otherListId: string; segmentId: string; viewerCookie: string; readKey: string; writeOnlyKey: string; otherKey: string; ids: Record<string, string> };

beforeAll(async () => {
  const { workspace, owner } = await createTestWorkspace("Export");
  const other = await createTestWorkspace("Other export");
  f.workspaceId = workspace.id;
  await db.insert(attributeDefinitions).values([
    { workspaceId: workspace.id, key: "age", label: "Age", type: "number" },
    { workspaceId: workspace.id, key: "tags", label: "Tags", type: "list" },
    { workspaceId: workspace.id, key: "vip", label: "VIP", type: "boolean" },
  ]);
  const inserted = await db
    .insert(contacts)
    .values([
      { workspaceId: workspace.id, email: "ann@example.com", phone: "+85291234567", phoneCountry: "HK", firstName: "Ann", lastName: "Lee, Jr", attributes: { age: 34, tags: ["a", "b"], vip: true }, emailStatus: "subscribed", createdAt: new Date("2024-01-01") },
      { workspaceId: workspace.id, email: "bob@example.com", firstName: 'Bob "the builder"', lastName: "Line\nBreak", attributes: { age: 41 }, smsStatus: "unsubscribed", createdAt: new Date("2024-01-02") },
      { workspaceId: workspace.id, phone: "+85366123456", phoneCountry: "MO", timezone: "Asia/Macau", locale: "zh-MO", createdAt: new Date("2024-01-03") },
      { workspaceId: workspace.id, email: "notinlist@example.com", createdAt: new Date("2024-01-04") },
    ])
    .returning();
  f.ids = Object.fromEntries(inserted.map((c) => [c.email ?? c.phone!, c.id]));
  const [list] = await db.insert(lists).values({ workspaceId: workspace.id, name: "VIPs & friends" }).returning();
  f.listId = list!.id;
  await db.insert(listMemberships).values([
    { listId: list!.id, contactId: f.ids["ann@example.com"]!, workspaceId: workspace.id },
    { listId: list!.id, contactId: f.ids["bob@example.com"]!, workspaceId: workspace.id, status: "unsubscribed" },
    { listId: list!.id, contactId: f.ids["+85366123456"]!, workspaceId: workspace.id },
  ]);
  const [otherContact] = await db.insert(contacts).values({ workspaceId: other.workspace.id, email: "secret@other.example" }).returning();
  const [otherList] = await db.insert(lists).values({ workspaceId: other.workspace.id, name: "Theirs" }).returning();
  await db.insert(listMemberships).values({ listId: otherList!.id, contactId: otherContact!.id, workspaceId: other.workspace.id });
  f.otherListId = otherList!.id;
  const segment = await createSegment({
    workspaceId: workspace.id,
    name: "Over 35",
    definition: { version: 1, root: { type: "group", combinator: "and", rules: [{ type: "attribute", field: "attributes.age", operator: "gt", value: 35 }] } } as SegmentDefinitionInput,
  });
  f.segmentId = segment.id;
  const { user: viewer } = await addTestMember(workspace.id, "viewer");
  f.viewerCookie = await signInCookie(viewer.email, TEST_PASSWORD);
  f.readKey = (await createTestApiKey(workspace.id, owner.id, ["contacts:read"])).secret;
  f.writeOnlyKey = (await createTestApiKey(workspace.id, owner.id, ["contacts:write"])).secret;
  f.otherKey = (await createTestApiKey(other.workspace.id, other.owner.id, ["contacts:read"])).secret;
});

const HEADER = ["id", "email", "phone", "first_name", "last_name", "timezone", "locale", "email_status", "sms_status", "age", "tags", "vip"];

describe("GET /api/exports/contacts", () => {
  it("exports exactly a list's members, oldest first, one column per attribute, quoted properly", async () => {
    const { status, response, bytes, text } = await download(`?listId=${f.listId}`, { authorization: `Bearer ${f.readKey}` });
    expect(status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="list-VIPs-friends-\d{4}-\d{2}-\d{2}\.csv"$/);
    // A byte-order mark first, so Excel reads it as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith("\uFEFFid,email,phone,")).toBe(true);
    expect(text).toContain('"Lee, Jr"');
    expect(parseCsv(text)).toEqual([
      HEADER,
      [f.ids["ann@example.com"], "ann@example.com", "+85291234567", "Ann", "Lee, Jr", "", "", "subscribed", "", "34", "a, b", "true"],
      [f.ids["bob@example.com"], "bob@example.com", "", 'Bob "the builder"', "Line\nBreak", "", "", "", "unsubscribed", "41", "", ""],
      [f.ids["+85366123456"], "", "+85366123456", "", "", "Asia/Macau", "zh-MO", "", "", "", "", ""],
    ]);
  });

  it("exports every contact of the workspace without a list, and a segment's matches", async () => {
    const all = await download(`?workspace=${f.workspaceId}`, { cookie: f.viewerCookie });
    expect(all.status).toBe(200);
    expect(parseCsv(all.text).slice(1).map((row) => row[0])).toEqual([
      f.ids["ann@example.com"],
      f.ids["bob@example.com"],
      f.ids["+85366123456"],
      f.ids["notinlist@example.com"],
    ]);
    const segment = await download(`?segmentId=${f.segmentId}`, { authorization: `Bearer ${f.readKey}` });
    expect(segment.status).toBe(200);
    expect(parseCsv(segment.text).slice(1).map((row) => row[1])).toEqual(["bob@example.com"]);
  });

  it("never shows another workspace's contacts: their list is not found here, and their key sees only theirs", async () => {
    expect((await download(`?listId=${f.otherListId}`, { authorization: `Bearer ${f.readKey}` })).status).toBe(404);
    const theirs = await download(`?listId=${f.listId}`, { authorization: `Bearer ${f.otherKey}` });
    expect(theirs.status).toBe(404);
    expect(theirs.text).not.toContain("ann@example.com");
    const mixed = await download(`?workspace=${f.workspaceId}`, { authorization: `Bearer ${f.otherKey}` });
    expect(mixed.status).toBe(403);
    const everything = await download("", { authorization: `Bearer ${f.otherKey}` });
    expect(everything.status).toBe(200);
    expect(parseCsv(everything.text).map((row) => row[1])).toEqual(["email", "secret@other.example"]);
  });

  it("needs a viewer's session or a key with contacts:read", async () => {
    expect((await download("", {})).status).toBe(401);
    expect((await download("", { authorization: `Bearer ${f.writeOnlyKey}` })).status).toBe(403);
    expect((await download("?listId=nope", { authorization: `Bearer ${f.readKey}` })).status).toBe(400);
  });
});
