import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, events } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { callerFor, callerFromHeaders, createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { ensureEventPartitions, ensureUpcomingEventPartitions, monthsToEnsure } from "./event-partitions";
import { listContactEvents } from "./list-contact-events";
import { trackEvents } from "./track-events";

const eventCount = async (workspaceId: string) => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(events).where(eq(events.workspaceId, workspaceId));
  return row!.n;
};

const partitionExists = async (name: string) => {
  const [row] = await db.execute<{ exists: boolean }>(sql`select to_regclass(${name}) is not null as exists`);
  return row!.exists;
};

const partitionName = (date: Date) => `events_y${date.getUTCFullYear()}m${String(date.getUTCMonth() + 1).padStart(2, "0")}`;

describe("trackEvents", () => {
  it("stores a batch of 1,000 events addressed by id, email and phone in one call", async () => {
    const { workspace } = await createTestWorkspace();
    const people = await insertTestContacts(
      workspace.id,
      Array.from({ length: 30 }, (_, i) => ({ email: `p${i}@example.test`, phone: `+8529100${String(1000 + i)}`, phoneCountry: "HK" })),
    );
    const batch = Array.from({ length: 1000 }, (_, i) => {
      const person = people[i % people.length]!;
      const contact = i % 3 === 0 ? { id: person.id } : i % 3 === 1 ? { email: person.email!.toUpperCase() } : { phone: person.phone! };
      return { contact, event: `viewed_product`, properties: { sku: `SKU-${i}`, price: i / 10 } };
    });

    const result = await trackEvents({ workspaceId: workspace.id, events: batch });

    expect(result).toMatchObject({ accepted: 1000, rejected: 0, contactsCreated: 0 });
    expect(result.results.every((r, i) => r.index === i && r.status === "accepted" && r.contactId === people[i % people.length]!.id)).toBe(true);
    expect(await eventCount(workspace.id)).toBe(1000);
    const [stored] = await db
      .select()
      .from(events)
      .where(and(eq(events.workspaceId, workspace.id), sql`${events.properties}->>'sku' = 'SKU-7'`));
    expect(stored).toMatchObject({ contactId: people[7]!.id, name: "viewed_product", properties: { sku: "SKU-7", price: 0.7 } });
  });

  it("creates unknown contacts only when asked, once per address, with the phone's country", async () => {
    const { workspace } = await createTestWorkspace();
    const result = await trackEvents({
      workspaceId: workspace.id,
      events: [
        { contact: { email: "stranger@example.test" }, event: "signed_up" },
        { contact: { email: "New@Example.test" }, event: "signed_up", createContact: true },
        { contact: { email: "new@example.test" }, event: "opened_app", createContact: true },
        { contact: { phone: "+853 6612 3456" }, event: "sms_keyword", createContact: true },
        { contact: { id: randomUUID() }, event: "signed_up", createContact: true },
        // Named without createContact, but another event of the batch creates it: it is used.
        { contact: { email: "new@example.test" }, event: "clicked" },
      ],
    });

    expect(result).toMatchObject({ accepted: 4, rejected: 2, contactsCreated: 2 });
    expect(result.results[0]).toMatchObject({ index: 0, status: "rejected", fieldErrors: { "contact.email": [expect.stringContaining("createContact")] } });
    expect(result.results[1]).toMatchObject({ status: "accepted", contactCreated: true });
    expect(result.results[2]).toMatchObject({ status: "accepted", contactCreated: false });
    expect(result.results[3]).toMatchObject({ status: "accepted", contactCreated: true });
    expect(result.results[4]).toMatchObject({ status: "rejected", reason: "No contact with this id in this workspace" });
    expect(result.results[5]).toMatchObject({ status: "accepted", contactId: (result.results[1] as { contactId: string }).contactId });
    const created = await db
      .select({ email: contacts.email, phone: contacts.phone, phoneCountry: contacts.phoneCountry })
      .from(contacts)
      .where(eq(contacts.workspaceId, workspace.id));
    expect(created).toEqual(
      expect.arrayContaining([
        { email: "new@example.test", phone: null, phoneCountry: null },
        { email: null, phone: "+85366123456", phoneCountry: "MO" },
      ]),
    );
    expect(created).toHaveLength(2);
    expect(await eventCount(workspace.id)).toBe(4);
  });

  it("reports every rejected event by index with its reason, stores the rest, and half-stores none", async () => {
    const { workspace } = await createTestWorkspace();
    const [person] = await insertTestContacts(workspace.id, [{ email: "ok@example.test" }]);
    const contact = { id: person!.id };
    const future = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const result = await trackEvents({
      workspaceId: workspace.id,
      events: [
        { contact, event: "fine", timestamp: "2025-01-02T03:04:05+08:00" },
        { contact, event: "" },
        { contact, event: "x".repeat(201) },
        { contact, event: "too_big", properties: { blob: "x".repeat(33 * 1024) } },
        { contact, event: "future", timestamp: future },
        { contact: { email: "not an email" }, event: "bad_email" },
        { contact: { id: person!.id, email: "ok@example.test" } as never, event: "two_refs" },
        { contact, event: "array_props", properties: [1, 2] as never },
        { contact, event: "nul", properties: { text: "a\u0000b" } },
        { contact, event: "fine too", timestamp: new Date(Date.now() + 60 * 60 * 1000) },
        "not even an object" as never,
      ],
    });

    expect(result.accepted).toBe(2);
    expect(result.rejected).toBe(9);
    const rejected = Object.fromEntries(
      result.results.filter((r) => r.status === "rejected").map((r) => [r.index, r.status === "rejected" ? r.fieldErrors : null]),
    );
    expect(rejected).toEqual({
      1: { event: ["event must not be empty"] },
      2: { event: ["event must be at most 200 characters"] },
      3: { properties: ["properties must be at most 32 KB as JSON"] },
      4: { timestamp: ["timestamp must not be more than 1 day in the future"] },
      5: { "contact.email": ["contact.email is not a valid email address"] },
      6: { contact: ["contact must have exactly one of id, email or phone"] },
      7: { properties: ["properties must be a JSON object"] },
      8: { properties: ["properties must not hold NUL characters or broken Unicode"] },
      10: { event: ["each event must be an object with contact and event"] },
    });
    const stored = await db.select({ name: events.name, occurredAt: events.occurredAt }).from(events).where(eq(events.workspaceId, workspace.id));
    expect(stored.map((e) => e.name).sort()).toEqual(["fine", "fine too"]);
    expect(stored.find((e) => e.name === "fine")!.occurredAt.toISOString()).toBe("2025-01-01T19:04:05.000Z");
  });

  it("refuses another workspace's contact ids without revealing or writing anything", async () => {
    const mine = await createTestWorkspace();
    const theirs = await createTestWorkspace();
    const [their] = await insertTestContacts(theirs.workspace.id, [{ email: "shared@example.test" }]);

    const result = await trackEvents({
      workspaceId: mine.workspace.id,
      events: [
        { contact: { id: their!.id }, event: "sneaky" },
        { contact: { email: "shared@example.test" }, event: "sneaky" },
      ],
    });

    expect(result).toMatchObject({ accepted: 0, rejected: 2 });
    expect(JSON.stringify(result)).not.toContain(their!.id);
    expect(await eventCount(mine.workspace.id)).toBe(0);
    expect(await eventCount(theirs.workspace.id)).toBe(0);
  });

  it("creates the month partition for an old event before inserting it, and the event lands there", async () => {
    const { workspace } = await createTestWorkspace();
    const [person] = await insertTestContacts(workspace.id, [{ email: "history@example.test" }]);
    // The migration creates 24 months back; 40 months ago (mid-month, so no time zone moves it) does not exist yet.
    const now = new Date();
    const old = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 40, 15, 12));
    expect(await partitionExists(partitionName(old))).toBe(false);

    const result = await trackEvents({ workspaceId: workspace.id, events: [{ contact: { id: person!.id }, event: "ancient", timestamp: old }] });

    expect(result.accepted).toBe(1);
    expect(await partitionExists(partitionName(old))).toBe(true);
    const [row] = await db.execute<{ partition: string }>(
      sql`select tableoid::regclass::text as partition from events where workspace_id = ${workspace.id}`,
    );
    expect(row!.partition).toBe(partitionName(old));
  });

  it("keeps months ahead created for the cron task, and plans partitions around month edges in any time zone", async () => {
    const created = await ensureEventPartitions(["2099-07-01"]);
    expect(created).toBe(1);
    expect(await partitionExists("events_y2099m07")).toBe(true);
    expect(await ensureEventPartitions(["2099-07-01"])).toBe(0);

    await ensureUpcomingEventPartitions();
    const now = new Date();
    for (let i = 0; i <= 3; i++) {
      expect(await partitionExists(partitionName(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))))).toBe(true);
    }

    const at = new Date("2025-03-31T20:00:00Z"); // already April in Hong Kong
    expect(monthsToEnsure([at], new Date("2025-04-10T00:00:00Z"))).toEqual(["2025-03-01", "2025-04-01"]);
    expect(monthsToEnsure([new Date("2025-03-15T00:00:00Z")], new Date("2025-04-10T00:00:00Z"))).toEqual(["2025-03-01"]);
    // Beyond the window: left to the default partition rather than creating a partition per stray month.
    expect(monthsToEnsure([new Date("1999-01-15T00:00:00Z")], new Date("2025-04-10T00:00:00Z"))).toEqual([]);
  });
});

describe("events through tRPC", () => {
  it("events.track needs contacts:write, and listForContact pages newest first within the workspace", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const [person] = await insertTestContacts(workspace.id, [{ email: "pager@example.test" }]);
    const { secret: readKey } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    const { secret: writeKey } = await createTestApiKey(workspace.id, owner.id, ["contacts:write"]);

    const reader = await callerFromHeaders({ authorization: `Bearer ${readKey}` });
    await expect(reader.events.track({ events: [{ contact: { id: person!.id }, event: "x" }] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'This API key lacks the "contacts:write" scope',
    });

    const writer = await callerFromHeaders({ authorization: `Bearer ${writeKey}` });
    const base = Date.UTC(2025, 5, 1);
    const result = await writer.events.track({
      events: Array.from({ length: 5 }, (_, i) => ({ contact: { id: person!.id }, event: i % 2 ? "odd" : "even", timestamp: new Date(base + i * 1000) })),
    });
    expect(result.accepted).toBe(5);

    const first = await reader.events.listForContact({ contactId: person!.id, limit: 2 });
    expect(first.items.map((e) => e.occurredAt.getTime())).toEqual([base + 4000, base + 3000]);
    const second = await reader.events.listForContact({ contactId: person!.id, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e) => e.occurredAt.getTime())).toEqual([base + 2000, base + 1000]);
    const third = await reader.events.listForContact({ contactId: person!.id, limit: 2, cursor: second.nextCursor });
    expect(third.items.map((e) => e.occurredAt.getTime())).toEqual([base]);
    expect(third.nextCursor).toBeNull();
    expect((await listContactEvents({ workspaceId: workspace.id, contactId: person!.id, name: "odd" })).items).toHaveLength(2);

    const other = await createTestWorkspace();
    await expect(callerFor(other.owner, other.workspace.id).events.listForContact({ contactId: person!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
