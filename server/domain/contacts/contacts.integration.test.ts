import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consentEvents, contacts, events } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createAttributeDefinition } from "@/server/domain/attributes/create-attribute-definition";
import { addListMembers } from "@/server/domain/lists/add-list-members";
import { createList } from "@/server/domain/lists/create-list";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { changeConsent } from "./change-consent";
import { countContacts } from "./count-contacts";
import { createContact } from "./create-contact";
import { deleteContact } from "./delete-contact";
import { getContact } from "./get-contact";
import { searchContacts } from "./search-contacts";
import { updateContact } from "./update-contact";

const workspace = async () => (await createTestWorkspace()).workspace.id;

describe("creating contacts", () => {
  it("normalises email and phone, keeps the phone's country and records initial consent", async () => {
    const workspaceId = await workspace();
    const contact = await createContact({
      workspaceId,
      source: "manual",
      email: "  Ana.Li@Example.COM ",
      phone: "9123 4567",
      defaultCountry: "HK",
      firstName: " Ana ",
      lastName: "Li",
      timezone: "Asia/Hong_Kong",
      locale: "zh-hant-hk",
      emailStatus: "subscribed",
      smsStatus: "pending",
    });
    expect(contact).toMatchObject({
      email: "ana.li@example.com",
      phone: "+85291234567",
      phoneCountry: "HK",
      firstName: "Ana",
      lastName: "Li",
      timezone: "Asia/Hong_Kong",
      locale: "zh-Hant-HK",
      emailStatus: "subscribed",
      smsStatus: "pending",
      attributes: {},
    });
    expect(contact.emailStatusAt).toBeInstanceOf(Date);
    expect(contact).not.toHaveProperty("workspaceId");

    const detail = await getContact({ workspaceId, contactId: contact.id });
    expect(detail.consentHistory.map(({ channel, status, source }) => ({ channel, status, source })).sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: "email", status: "subscribed", source: "manual" },
      { channel: "sms", status: "pending", source: "manual" },
    ]);
  });

  it("accepts a phone-only or email-only contact, and records no consent when none is given", async () => {
    const workspaceId = await workspace();
    const phoneOnly = await createContact({ workspaceId, source: "api", phone: "+853 6612 3456" });
    expect(phoneOnly).toMatchObject({ email: null, phone: "+85366123456", phoneCountry: "MO", emailStatus: null, smsStatus: null });
    const emailOnly = await createContact({ workspaceId, source: "api", email: "solo@example.com" });
    expect(emailOnly.phone).toBeNull();
    expect(await db.select().from(consentEvents).where(eq(consentEvents.workspaceId, workspaceId))).toEqual([]);
  });

  it("names every invalid field at once", async () => {
    const workspaceId = await workspace();
    await expect(
      createContact({
        workspaceId,
        source: "manual",
        email: "not-an-email",
        phone: "12345",
        defaultCountry: "HK",
        timezone: "Mars/Olympus",
        locale: "!!",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("email: Enter a valid email address"),
      fieldErrors: {
        email: ["Enter a valid email address, such as ana@example.com"],
        phone: ["Not a valid phone number for HK"],
        timezone: ['"Mars/Olympus" is not an IANA time zone, such as Asia/Hong_Kong'],
        locale: ['"!!" is not a language tag, such as en or zh-Hant-HK'],
      },
    });
    await expect(createContact({ workspaceId, source: "manual", firstName: "Nobody" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: ["Give the contact an email address or a phone number"] },
    });
    await expect(createContact({ workspaceId, source: "manual", email: "a@example.com", smsStatus: "subscribed" })).rejects.toMatchObject({
      fieldErrors: { smsStatus: ["Add a phone number to record SMS consent"] },
    });
    expect(await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId))).toEqual([]);
  });

  it("turns a duplicate email or phone into a CONFLICT naming the field", async () => {
    const workspaceId = await workspace();
    await createContact({ workspaceId, source: "manual", email: "dup@example.com", phone: "+85291234567" });
    await expect(createContact({ workspaceId, source: "manual", email: "DUP@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A contact with this email already exists",
      fieldErrors: { email: ["A contact with this email already exists"] },
    });
    await expect(createContact({ workspaceId, source: "manual", phone: "9123 4567", defaultCountry: "HK" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { phone: ["A contact with this phone number already exists"] },
    });
    // Uniqueness is per workspace.
    const other = await workspace();
    await expect(createContact({ workspaceId: other, source: "manual", email: "dup@example.com" })).resolves.toMatchObject({
      email: "dup@example.com",
    });
  });

  it("validates custom attributes against the workspace's definitions, naming each", async () => {
    const workspaceId = await workspace();
    await createAttributeDefinition({ workspaceId, key: "lifetime_value", label: "Lifetime value", type: "number" });
    await createAttributeDefinition({ workspaceId, key: "vip", label: "VIP", type: "boolean" });
    const contact = await createContact({
      workspaceId,
      source: "manual",
      email: "attrs@example.com",
      attributes: { lifetime_value: "1200.5", vip: "yes" },
    });
    expect(contact.attributes).toEqual({ lifetime_value: 1200.5, vip: true });
    await expect(
      createContact({ workspaceId, source: "manual", email: "bad@example.com", attributes: { lifetime_value: "lots", colour: "red" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        "attributes.lifetime_value": ['"lifetime_value" must be a number, not "lots"'],
        "attributes.colour": [expect.stringContaining('"colour" is not an attribute of this workspace')],
      },
    });
  });
});

describe("updating contacts", () => {
  it("changes only what is sent, clears with null, merges attributes", async () => {
    const workspaceId = await workspace();
    await createAttributeDefinition({ workspaceId, key: "plan", label: "Plan", type: "text" });
    await createAttributeDefinition({ workspaceId, key: "seats", label: "Seats", type: "number" });
    const contact = await createContact({
      workspaceId,
      source: "manual",
      email: "up@example.com",
      phone: "+85291234567",
      firstName: "Up",
      attributes: { plan: "gold", seats: 3 },
    });
    const updated = await updateContact({ workspaceId, contactId: contact.id, lastName: "Date", phone: null, attributes: { seats: "5", plan: null } });
    expect(updated).toMatchObject({ email: "up@example.com", phone: null, phoneCountry: null, firstName: "Up", lastName: "Date", attributes: { seats: 5 } });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(contact.updatedAt.getTime());

    await expect(updateContact({ workspaceId, contactId: contact.id, email: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: ["A contact needs an email address or a phone number"] },
    });
    await expect(updateContact({ workspaceId, contactId: contact.id, email: "nope" })).rejects.toMatchObject({
      fieldErrors: { email: ["Enter a valid email address, such as ana@example.com"] },
    });
  });

  it("refuses to take another contact's email, and never touches another workspace's contact", async () => {
    const workspaceId = await workspace();
    await createContact({ workspaceId, source: "manual", email: "taken@example.com" });
    const mine = await createContact({ workspaceId, source: "manual", email: "mine@example.com" });
    await expect(updateContact({ workspaceId, contactId: mine.id, email: "taken@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["A contact with this email already exists"] },
    });
    const other = await workspace();
    await expect(updateContact({ workspaceId: other, contactId: mine.id, firstName: "Hijack" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getContact({ workspaceId, contactId: mine.id })).contact.firstName).toBeNull();
  });
});

describe("consent", () => {
  it("updates the channel's status and appends to its history in order, skipping no-op changes", async () => {
    const workspaceId = await workspace();
    const contact = await createContact({ workspaceId, source: "manual", email: "c@example.com", phone: "+85291234567", emailStatus: "pending" });
    expect(await changeConsent({ workspaceId, contactId: contact.id, channel: "email", status: "subscribed", source: "form", note: "Confirmed" })).toEqual({
      channel: "email",
      status: "subscribed",
      previous: "pending",
      changed: true,
    });
    expect(await changeConsent({ workspaceId, contactId: contact.id, channel: "email", status: "subscribed", source: "api" })).toMatchObject({
      changed: false,
    });
    await changeConsent({ workspaceId, contactId: contact.id, channel: "sms", status: "subscribed", source: "manual" });
    await changeConsent({ workspaceId, contactId: contact.id, channel: "email", status: "unsubscribed", source: "unsubscribe_link" });

    const { contact: after, consentHistory } = await getContact({ workspaceId, contactId: contact.id });
    expect(after).toMatchObject({ emailStatus: "unsubscribed", smsStatus: "subscribed" });
    expect(consentHistory.map(({ channel, status, source, note }) => [channel, status, source, note])).toEqual([
      ["email", "unsubscribed", "unsubscribe_link", null],
      ["sms", "subscribed", "manual", null],
      ["email", "subscribed", "form", "Confirmed"],
      ["email", "pending", "manual", "Initial status when the contact was created"],
    ]);
  });

  it("refuses a channel the contact cannot be reached on, and other workspaces' contacts", async () => {
    const workspaceId = await workspace();
    const emailOnly = await createContact({ workspaceId, source: "manual", email: "e@example.com" });
    await expect(changeConsent({ workspaceId, contactId: emailOnly.id, channel: "sms", status: "subscribed", source: "manual" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { channel: ["This contact has no phone number"] },
    });
    await expect(
      changeConsent({ workspaceId: await workspace(), contactId: emailOnly.id, channel: "email", status: "subscribed", source: "manual" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.select().from(consentEvents).where(eq(consentEvents.contactId, emailOnly.id))).toEqual([]);
  });
});

describe("contact detail and deletion", () => {
  it("shows list memberships and the latest 50 events, newest first", async () => {
    const workspaceId = await workspace();
    const contact = await createContact({ workspaceId, source: "manual", email: "d@example.com" });
    const list = await createList({ workspaceId, name: "Newsletter" });
    await addListMembers({ workspaceId, listId: list.id, contactIds: [contact.id] });
    const base = Date.now() - 3_600_000;
    await db.insert(events).values(
      Array.from({ length: 55 }, (_, i) => ({
        workspaceId,
        contactId: contact.id,
        name: i % 2 ? "page_viewed" : "order_placed",
        properties: { n: i },
        occurredAt: new Date(base + i * 1000),
      })),
    );
    const detail = await getContact({ workspaceId, contactId: contact.id });
    expect(detail.lists).toEqual([
      expect.objectContaining({ listId: list.id, name: "Newsletter", status: "subscribed" }),
    ]);
    expect(detail.events).toHaveLength(50);
    expect(detail.events[0]).toMatchObject({ name: "order_placed", properties: { n: 54 } });
    expect(detail.events[49]!.properties).toEqual({ n: 5 });
  });

  it("deletes the contact with its events, consent history and memberships; only in its own workspace", async () => {
    const workspaceId = await workspace();
    const contact = await createContact({ workspaceId, source: "manual", email: "gone@example.com", emailStatus: "subscribed" });
    const list = await createList({ workspaceId, name: "L" });
    await addListMembers({ workspaceId, listId: list.id, contactIds: [contact.id] });
    await db.insert(events).values({ workspaceId, contactId: contact.id, name: "x", occurredAt: new Date() });

    await expect(deleteContact({ workspaceId: await workspace(), contactId: contact.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await deleteContact({ workspaceId, contactId: contact.id })).toEqual({ id: contact.id });

    const remaining = await db.execute<{ n: number }>(sql`
      select (select count(*) from contacts where id = ${contact.id})
           + (select count(*) from events where workspace_id = ${workspaceId} and contact_id = ${contact.id})
           + (select count(*) from consent_events where contact_id = ${contact.id})
           + (select count(*) from list_memberships where contact_id = ${contact.id}) as n`);
    expect(Number(remaining[0]!.n)).toBe(0);
    await expect(getContact({ workspaceId, contactId: contact.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("searching and paging", () => {
  const seed = async (workspaceId: string) => {
    const people = [
      { email: "ana.li@example.com", firstName: "Ana", lastName: "Li" },
      { email: "bob@example.com", firstName: "Bob", lastName: "Anand" },
      { email: "carol@shop.example", firstName: "Carol", lastName: "Chan", phone: "+85291234567" },
      { phone: "+85366123456", firstName: "Dora", lastName: "Lam" },
      { email: "50%off_deals@example.com" },
      { email: "85366@example.com" },
    ];
    for (const person of people) await createContact({ workspaceId, source: "import", ...person });
  };

  it("matches email, name and phone prefixes, case-insensitively, and escapes LIKE wildcards", async () => {
    const workspaceId = await workspace();
    await seed(workspaceId);
    const emails = async (search: string) =>
      (await searchContacts({ workspaceId, search })).contacts.map((c) => c.email ?? c.phone).sort();
    expect(await emails("ANA")).toEqual(["ana.li@example.com", "bob@example.com"]);
    expect(await emails("ana li")).toEqual(["ana.li@example.com"]);
    expect(await emails("carol@")).toEqual(["carol@shop.example"]);
    expect(await emails("chan")).toEqual(["carol@shop.example"]);
    expect(await emails("+852 9123")).toEqual(["carol@shop.example"]);
    expect(await emails("853")).toEqual(["+85366123456", "85366@example.com"]);
    expect(await emails("+853")).toEqual(["+85366123456"]);
    expect(await emails("50%")).toEqual(["50%off_deals@example.com"]);
    expect(await emails("5_%")).toEqual([]);
    expect(await emails("example")).toEqual([]);
    expect(await emails("  ")).toHaveLength(6);
    // Another workspace sees none of them.
    expect((await searchContacts({ workspaceId: await workspace(), search: "ana" })).contacts).toEqual([]);
  });

  it("pages by (created_at, id) without gaps or repeats, even when many share a timestamp", async () => {
    const workspaceId = await workspace();
    const at = new Date("2024-01-01T00:00:00.123456Z");
    // 25 contacts in one instant, as a bulk import makes them, and 5 at distinct times.
    await db.insert(contacts).values([
      ...Array.from({ length: 25 }, (_, i) => ({ workspaceId, email: `same-${i}@example.com`, createdAt: at })),
      ...Array.from({ length: 5 }, (_, i) => ({ workspaceId, email: `later-${i}@example.com`, createdAt: new Date(at.getTime() + (i + 1) * 1000) })),
    ]);
    // Microseconds a JS Date cannot hold: the cursor must not lose them.
    await db.execute(sql`update contacts set created_at = created_at + interval '7 microseconds' where workspace_id = ${workspaceId} and email like 'same-%'`);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchContacts({ workspaceId, limit: 7, cursor });
      seen.push(...page.contacts.map((c) => c.email!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
    expect(seen.slice(0, 5)).toEqual(["later-4@example.com", "later-3@example.com", "later-2@example.com", "later-1@example.com", "later-0@example.com"]);

    await expect(searchContacts({ workspaceId, cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { cursor: [expect.stringContaining("no longer valid")] },
    });
  });

  it("counts exactly up to 10,000 and says 10,000+ beyond", async () => {
    const workspaceId = await workspace();
    await seed(workspaceId);
    expect(await countContacts({ workspaceId })).toEqual({ count: 6, capped: false });
    expect(await countContacts({ workspaceId, search: "ana" })).toEqual({ count: 2, capped: false });
    await db.execute(sql`
      insert into contacts (workspace_id, email)
      select ${workspaceId}::uuid, 'bulk-' || n || '@example.com' from generate_series(1, 10000) n`);
    expect(await countContacts({ workspaceId })).toEqual({ count: 10_000, capped: true });
    expect(await countContacts({ workspaceId, search: "bulk-1000" })).toEqual({ count: 2, capped: false });
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId)));
    expect(row!.n).toBe(10_006);
  });
});
