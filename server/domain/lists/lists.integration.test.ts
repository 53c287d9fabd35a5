import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contactImports, contacts, listMemberships } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createContact } from "@/server/domain/contacts/create-contact";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { addListMembers } from "./add-list-members";
import { changeMemberStatus } from "./change-member-status";
import { createList } from "./create-list";
import { deleteList } from "./delete-list";
import { getList } from "./get-list";
import { listGrowth } from "./list-growth";
import { listLists } from "./list-lists";
import { listMembers } from "./list-members";
import { removeListMembers } from "./remove-list-members";
import { updateList } from "./update-list";

const workspace = async () => (await createTestWorkspace()).workspace.id;

const someContacts = async (workspaceId: string, count: number) => {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await createContact({ workspaceId, source: "manual", email: `m${i}@example.com` })).id);
  return ids;
};

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

describe("lists", () => {
  it("creates, renames, describes and deletes; names are unique per workspace", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: " Newsletter ", description: "Monthly news" });
    expect(list).toMatchObject({ name: "Newsletter", description: "Monthly news" });
    await expect(createList({ workspaceId, name: "Newsletter" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: ["A list named “Newsletter” already exists"] },
    });
    await expect(createList({ workspaceId, name: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { name: ["Give the list a name, such as Newsletter"] },
    });
    const other = await createList({ workspaceId, name: "Product updates" });
    await expect(updateList({ workspaceId, listId: other.id, name: "Newsletter" })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await updateList({ workspaceId, listId: list.id, name: "Weekly news" })).toMatchObject({
      name: "Weekly news",
      description: "Monthly news",
    });
    expect(await updateList({ workspaceId, listId: list.id, description: null })).toMatchObject({ name: "Weekly news", description: null });
    expect((await listLists({ workspaceId })).map((l) => l.name)).toEqual(["Product updates", "Weekly news"]);

    // Deleting keeps the contacts and detaches imports that pointed at it.
    const [member] = await someContacts(workspaceId, 1);
    await addListMembers({ workspaceId, listId: list.id, contactIds: [member!] });
    const [imported] = await db.insert(contactImports).values({ workspaceId, listId: list.id, filename: "a.csv" }).returning();
    expect(await deleteList({ workspaceId, listId: list.id })).toEqual({ id: list.id });
    expect(await db.select().from(listMemberships).where(eq(listMemberships.listId, list.id))).toEqual([]);
    expect(await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, member!))).toHaveLength(1);
    expect((await db.select().from(contactImports).where(eq(contactImports.id, imported!.id)))[0]!.listId).toBeNull();
    await expect(getList({ workspaceId, listId: list.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds in bulk, re-subscribes those who left, ignores ids that are not the workspace's contacts", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: "VIP" });
    const [a, b, c] = await someContacts(workspaceId, 3);
    const foreign = (await someContacts(await workspace(), 1))[0]!;

    expect(await addListMembers({ workspaceId, listId: list.id, contactIds: [a!, b!, b!, foreign] })).toEqual({
      added: 2,
      resubscribed: 0,
      alreadySubscribed: 0,
      notFound: 1,
    });
    await changeMemberStatus({ workspaceId, listId: list.id, contactId: b!, status: "unsubscribed" });
    expect(await addListMembers({ workspaceId, listId: list.id, contactIds: [a!, b!, c!] })).toEqual({
      added: 1,
      resubscribed: 1,
      alreadySubscribed: 1,
      notFound: 0,
    });
    expect((await getList({ workspaceId, listId: list.id })).members).toEqual({ subscribed: 3, unsubscribed: 0, bounced: 0, total: 3 });
    const foreignRows = await db.select().from(listMemberships).where(eq(listMemberships.contactId, foreign));
    expect(foreignRows).toEqual([]);
  });

  it("changes member status and removes members; counts follow", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: "Updates" });
    const ids = await someContacts(workspaceId, 4);
    await addListMembers({ workspaceId, listId: list.id, contactIds: ids });
    expect(await changeMemberStatus({ workspaceId, listId: list.id, contactId: ids[0]!, status: "unsubscribed" })).toEqual({
      status: "unsubscribed",
      previous: "subscribed",
      changed: true,
    });
    await changeMemberStatus({ workspaceId, listId: list.id, contactId: ids[1]!, status: "bounced" });
    expect(await changeMemberStatus({ workspaceId, listId: list.id, contactId: ids[1]!, status: "bounced" })).toMatchObject({ changed: false });
    expect(await removeListMembers({ workspaceId, listId: list.id, contactIds: [ids[2]!] })).toEqual({ removed: 1 });

    expect((await getList({ workspaceId, listId: list.id })).members).toEqual({ subscribed: 1, unsubscribed: 1, bounced: 1, total: 3 });
    expect((await listLists({ workspaceId }))[0]!.members).toEqual({ subscribed: 1, unsubscribed: 1, bounced: 1, total: 3 });
    await expect(changeMemberStatus({ workspaceId, listId: list.id, contactId: ids[2]!, status: "subscribed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That contact is not on this list",
    });
  });

  it("pages members newest first, filters by status", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: "Paged" });
    const ids = await someContacts(workspaceId, 12);
    await db.insert(listMemberships).values(
      ids.map((contactId, i) => ({ listId: list.id, contactId, workspaceId, subscribedAt: new Date(Date.now() - i * 60_000) })),
    );
    await changeMemberStatus({ workspaceId, listId: list.id, contactId: ids[3]!, status: "bounced" });

    const first = await listMembers({ workspaceId, listId: list.id, limit: 5 });
    expect(first.members.map((m) => m.email)).toEqual(["m0@example.com", "m1@example.com", "m2@example.com", "m3@example.com", "m4@example.com"]);
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listMembers({ workspaceId, listId: list.id, limit: 5, cursor });
      rest.push(...page.members.map((m) => m.email!));
      cursor = page.nextCursor;
    }
    expect(rest).toHaveLength(7);
    expect(new Set([...first.members.map((m) => m.email), ...rest]).size).toBe(12);
    expect((await listMembers({ workspaceId, listId: list.id, status: "bounced" })).members).toEqual([
      expect.objectContaining({ contactId: ids[3], status: "bounced", email: "m3@example.com" }),
    ]);
  });

  it("reports growth per day: subscriptions by subscribed_at, unsubscribes and bounces by status_changed_at", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: "Growth" });
    const ids = await someContacts(workspaceId, 6);
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    await db.insert(listMemberships).values([
      { listId: list.id, workspaceId, contactId: ids[0]!, status: "subscribed", subscribedAt: at(0), statusChangedAt: at(0) },
      { listId: list.id, workspaceId, contactId: ids[1]!, status: "subscribed", subscribedAt: at(2), statusChangedAt: at(2) },
      { listId: list.id, workspaceId, contactId: ids[2]!, status: "unsubscribed", subscribedAt: at(2), statusChangedAt: at(1) },
      { listId: list.id, workspaceId, contactId: ids[3]!, status: "bounced", subscribedAt: at(40), statusChangedAt: at(1) },
      // Outside a 30-day window entirely, inside a 90-day one.
      { listId: list.id, workspaceId, contactId: ids[4]!, status: "unsubscribed", subscribedAt: at(60), statusChangedAt: at(45) },
    ]);
    // Another list's movement never shows.
    const other = await createList({ workspaceId, name: "Other" });
    await addListMembers({ workspaceId, listId: other.id, contactIds: [ids[5]!] });

    const growth = await listGrowth({ workspaceId, listId: list.id, days: 30 });
    expect(growth.timezone).toBe("UTC");
    expect(growth.series).toHaveLength(30);
    expect(growth.series.at(-1)!.day).toBe(isoDay(new Date(now)));
    const byDay = Object.fromEntries(growth.series.map(({ day, ...counts }) => [day, counts]));
    expect(byDay[isoDay(at(0))]).toEqual({ subscribed: 1, unsubscribed: 0, bounced: 0 });
    expect(byDay[isoDay(at(1))]).toEqual({ subscribed: 0, unsubscribed: 1, bounced: 1 });
    expect(byDay[isoDay(at(2))]).toEqual({ subscribed: 2, unsubscribed: 0, bounced: 0 });
    expect(growth.totals).toEqual({ subscribed: 3, unsubscribed: 1, bounced: 1 });

    const quarter = await listGrowth({ workspaceId, listId: list.id, days: 90, timezone: "Asia/Hong_Kong" });
    expect(quarter.series).toHaveLength(90);
    expect(quarter.totals).toEqual({ subscribed: 5, unsubscribed: 2, bounced: 1 });
    await expect(listGrowth({ workspaceId, listId: list.id, timezone: "Nowhere/Land" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("counts days in the viewer's time zone", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: "Zones" });
    const [id] = await someContacts(workspaceId, 1);
    // 20:00 UTC yesterday is already today in Hong Kong (UTC+8) whenever "now" is after 04:00 HK time;
    // pin it relative to the database's own clock so the test never straddles midnight.
    const [row] = await db.execute<{ hk_today: string; at: Date }>(sql`
      select (now() at time zone 'Asia/Hong_Kong')::date::text as hk_today,
             ((now() at time zone 'Asia/Hong_Kong')::date::timestamp at time zone 'Asia/Hong_Kong') + interval '1 minute' as at`);
    await db.insert(listMemberships).values({ listId: list.id, workspaceId, contactId: id!, subscribedAt: new Date(row!.at), statusChangedAt: new Date(row!.at) });
    const growth = await listGrowth({ workspaceId, listId: list.id, days: 7, timezone: "Asia/Hong_Kong" });
    expect(growth.series.at(-1)).toEqual({ day: row!.hk_today, subscribed: 1, unsubscribed: 0, bounced: 0 });
  });

  it("never reaches another workspace's list", async () => {
    const workspaceId = await workspace();
    const list = await createList({ workspaceId, name: "Mine" });
    const ids = await someContacts(workspaceId, 1);
    await addListMembers({ workspaceId, listId: list.id, contactIds: ids });
    const other = await workspace();
    const otherIds = await someContacts(other, 1);
    for (const attempt of [
      () => getList({ workspaceId: other, listId: list.id }),
      () => updateList({ workspaceId: other, listId: list.id, name: "Stolen" }),
      () => deleteList({ workspaceId: other, listId: list.id }),
      () => addListMembers({ workspaceId: other, listId: list.id, contactIds: otherIds }),
      () => removeListMembers({ workspaceId: other, listId: list.id, contactIds: ids }),
      () => changeMemberStatus({ workspaceId: other, listId: list.id, contactId: ids[0]!, status: "bounced" }),
      () => listMembers({ workspaceId: other, listId: list.id }),
      () => listGrowth({ workspaceId: other, listId: list.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "List not found" });
    }
    const rows = await db
      .select()
      .from(listMemberships)
      .where(and(eq(listMemberships.listId, list.id), eq(listMemberships.status, "subscribed")));
    expect(rows).toHaveLength(1);
    expect(await listLists({ workspaceId: other })).toEqual([]);
  });
});
