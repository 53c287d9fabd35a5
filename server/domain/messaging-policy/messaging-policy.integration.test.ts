import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { addTestMember, callerFor, createTestWorkspace } from "@/server/testing/fixtures";
import { getMessagingPolicy } from "./get-messaging-policy";
import { reserveMarketingSends } from "./reserve-marketing-sends";
import { saveMessagingPolicy } from "./save-messaging-policy";

const reserve = (workspaceId: string, policy: { maxPerDay: number | null; maxPerWeek: number | null }, contactIds: string[], now: Date) =>
  db.transaction((tx) => reserveMarketingSends(tx, { workspaceId, policy, contactIds, now }));

describe("messaging policy", () => {
  it("has no limits until saved; admins save it, editors and viewers may only read it", async () => {
    const { workspace, owner } = await createTestWorkspace();
    expect(await getMessagingPolicy({ workspaceId: workspace.id })).toEqual({ maxPerDay: null, maxPerWeek: null, quietStart: null, quietEnd: null, appliesToCampaigns: true });
    const saved = { maxPerDay: 2, maxPerWeek: 5, quietStart: "21:00", quietEnd: "08:00", appliesToCampaigns: false };
    await callerFor(owner, workspace.id).messagingPolicy.save(saved);
    const { user: editor } = await addTestMember(workspace.id, "editor");
    expect(await callerFor(editor, workspace.id).messagingPolicy.get()).toEqual(saved);
    await expect(callerFor(editor, workspace.id).messagingPolicy.save({ ...saved, maxPerDay: 9 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses bad limits naming each field and why", async () => {
    const { workspace } = await createTestWorkspace();
    const base = { workspaceId: workspace.id, maxPerDay: null, maxPerWeek: null, quietStart: null, quietEnd: null };
    await expect(saveMessagingPolicy({ ...base, quietStart: "21:00" })).rejects.toMatchObject({
      fieldErrors: { quietEnd: ["set both the start and the end of quiet hours, or neither"] },
    });
    await expect(saveMessagingPolicy({ ...base, quietStart: "9pm", quietEnd: "08:00" })).rejects.toMatchObject({
      fieldErrors: { quietStart: ["expected a time as HH:MM (24-hour), e.g. 21:00"] },
    });
    await expect(saveMessagingPolicy({ ...base, maxPerDay: 5, maxPerWeek: 3 })).rejects.toMatchObject({
      message: "maxPerWeek: the weekly limit cannot be lower than the daily limit",
    });
    await expect(saveMessagingPolicy({ ...base, maxPerDay: 0 })).rejects.toMatchObject({ fieldErrors: { maxPerDay: [expect.stringContaining("at least 1")] } });
    await expect(saveMessagingPolicy({ ...base, quietStart: "08:00", quietEnd: "08:00" })).rejects.toMatchObject({ fieldErrors: { quietEnd: [expect.any(String)] } });
  });

  it("reserveMarketingSends allows up to the daily cap per UTC day, and the weekly cap over today and the six days before", async () => {
    const { workspace } = await createTestWorkspace();
    const [a, b] = await insertTestContacts(workspace.id, [{ email: "a@example.com" }, { email: "b@example.com" }]);
    const monday = new Date("2026-06-15T10:00:00Z");
    const daily = { maxPerDay: 2, maxPerWeek: null };
    expect(await reserve(workspace.id, daily, [a!.id, b!.id], monday)).toHaveLength(2);
    expect(await reserve(workspace.id, daily, [a!.id], monday)).toEqual([a!.id]);
    expect(await reserve(workspace.id, daily, [a!.id, b!.id], monday)).toEqual([b!.id]);
    // A new UTC day starts a new count.
    expect(await reserve(workspace.id, daily, [a!.id], new Date("2026-06-16T00:00:01Z"))).toEqual([a!.id]);

    // Weekly: 4 sends over the last week for b (2 on Monday above, 2 seeded on Wednesday 10th), 1 eight days ago (not counted).
    await db.execute(sql`insert into contact_send_counts (contact_id, day, workspace_id, sends) values
      (${b!.id}, '2026-06-10', ${workspace.id}, 2), (${b!.id}, '2026-06-08', ${workspace.id}, 1)`);
    const weekly = { maxPerDay: null, maxPerWeek: 5 };
    const tuesday = new Date("2026-06-16T09:00:00Z");
    expect(await reserve(workspace.id, weekly, [b!.id], tuesday)).toEqual([b!.id]);
    expect(await reserve(workspace.id, weekly, [b!.id], tuesday)).toEqual([]);
    // On the 17th the sends of the 10th have left the window.
    expect(await reserve(workspace.id, weekly, [b!.id], new Date("2026-06-17T09:00:00Z"))).toEqual([b!.id]);
  });

  it("two concurrent reservations for the same contact never overshoot the cap", async () => {
    const { workspace } = await createTestWorkspace();
    const [contact] = await insertTestContacts(workspace.id, [{ email: "race@example.com" }]);
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 6 }, () => reserve(workspace.id, { maxPerDay: 3, maxPerWeek: null }, [contact!.id], now)));
    expect(results.flat()).toHaveLength(3);
    const [row] = await db.execute<{ sends: number }>(sql`select sends from contact_send_counts where contact_id = ${contact!.id}`);
    expect(row!.sends).toBe(3);
  });

  it("a rolled-back transaction gives its reservation back", async () => {
    const { workspace } = await createTestWorkspace();
    const [contact] = await insertTestContacts(workspace.id, [{ email: "rollback@example.com" }]);
    const now = new Date();
    await expect(
      db.transaction(async (tx) => {
        await reserveMarketingSends(tx, { workspaceId: workspace.id, policy: { maxPerDay: 1, maxPerWeek: null }, contactIds: [contact!.id], now });
        throw new Error("out of credits");
      }),
    ).rejects.toThrow("out of credits");
    expect(await reserve(workspace.id, { maxPerDay: 1, maxPerWeek: null }, [contact!.id], now)).toEqual([contact!.id]);
  });
});
