import { describe, expect, it } from "vitest";
import { addTestMember, callerFor, createTestWorkspace } from "@/server/testing/fixtures";
import { importSuppressions } from "./import-suppressions";
import { listSuppressions } from "./list-suppressions";

describe("suppressions", () => {
  it("adds one entry normalised, refuses a duplicate, and removes it", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const caller = callerFor(owner, workspace.id);

    const created = await caller.suppressions.create({ value: "  Someone@Example.COM ", reason: "complaint", note: "asked by phone" });
    expect(created).toMatchObject({ kind: "email", value: "someone@example.com", reason: "complaint", createdBy: owner.id });
    await expect(caller.suppressions.create({ value: "someone@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "someone@example.com is already suppressed",
    });
    await expect(caller.suppressions.create({ value: "91234567" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no country code"),
    });
    expect(await caller.suppressions.create({ value: "9123 4567", defaultCountry: "hk" })).toMatchObject({ kind: "phone", value: "+85291234567", reason: "manual" });

    const listed = await caller.suppressions.list({});
    expect(listed.total).toBe(2);
    expect(listed.items[0]).toMatchObject({ value: "+85291234567", createdByName: "Owner" });

    await caller.suppressions.delete({ suppressionId: created.id });
    await expect(caller.suppressions.delete({ suppressionId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.suppressions.list({})).total).toBe(1);
  });

  it("imports pasted lines: emails, domains, phones; duplicates skipped, each bad line explained", async () => {
    const { workspace } = await createTestWorkspace();
    const text = [
      "email",
      "a@example.com",
      "A@Example.com",
      "@spam.example",
      "lists.example.org",
      "",
      "# a comment",
      "+852 9123 4567",
      "6123 4567",
      '"b@example.com",hard bounce,2024-01-01',
      "not an entry",
      "c@",
      "12",
    ].join("\r\n");

    const first = await importSuppressions({ workspaceId: workspace.id, text, reason: "hard_bounce", defaultCountry: "HK" });
    expect(first).toEqual({
      entries: 10,
      added: 6,
      duplicates: 1,
      invalidCount: 3,
      invalid: [
        { line: 11, value: "not an entry", reason: '"not an entry" is not an email address, a domain or a phone number' },
        { line: 12, value: "c@", reason: '"c@" is not a valid email address' },
        { line: 13, value: "12", reason: '"12" is not a valid phone number in HK' },
      ],
    });
    const values = (await listSuppressions({ workspaceId: workspace.id, limit: 200 })).items.map((s) => `${s.kind}:${s.value}:${s.reason}`);
    expect(values.sort()).toEqual(
      [
        "domain:lists.example.org:hard_bounce",
        "domain:spam.example:hard_bounce",
        "email:a@example.com:hard_bounce",
        "email:b@example.com:hard_bounce",
        "phone:+85261234567:hard_bounce",
        "phone:+85291234567:hard_bounce",
      ].sort(),
    );

    const again = await importSuppressions({ workspaceId: workspace.id, text: "a@example.com\nnew@example.com" });
    expect(again).toMatchObject({ entries: 2, added: 1, duplicates: 1, invalidCount: 0 });
  });

  it("lists a page at a time, newest first, searching and filtering by kind", async () => {
    const { workspace } = await createTestWorkspace();
    await importSuppressions({ workspaceId: workspace.id, text: Array.from({ length: 25 }, (_, i) => `user${i}@example.com`).join("\n") });
    await importSuppressions({ workspaceId: workspace.id, text: "+85291234567\n@example.net" });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listSuppressions>> = await listSuppressions({ workspaceId: workspace.id, limit: 10, cursor });
      expect(page.total).toBe(27);
      seen.push(...page.items.map((item) => item.value));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
    expect(seen.slice(0, 2).sort()).toEqual(["+85291234567", "example.net"]);

    expect((await listSuppressions({ workspaceId: workspace.id, search: "USER1" })).total).toBe(11);
    expect((await listSuppressions({ workspaceId: workspace.id, search: "9123 45" })).items.map((s) => s.value)).toEqual(["+85291234567"]);
    expect((await listSuppressions({ workspaceId: workspace.id, search: "50%_" })).total).toBe(0);
    expect((await listSuppressions({ workspaceId: workspace.id, kind: "domain" })).items.map((s) => s.value)).toEqual(["example.net"]);
  });

  it("lets viewers read but not change", async () => {
    const { workspace } = await createTestWorkspace();
    const { user } = await addTestMember(workspace.id, "viewer");
    const viewer = callerFor(user, workspace.id);
    expect((await viewer.suppressions.list({})).items).toEqual([]);
    await expect(viewer.suppressions.import({ text: "a@example.com" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps each workspace's suppressions to itself", async () => {
    const mine = await createTestWorkspace();
    const theirs = await createTestWorkspace();
    const row = await callerFor(theirs.owner, theirs.workspace.id).suppressions.create({ value: "private@example.com" });
    const caller = callerFor(mine.owner, mine.workspace.id);
    expect(await caller.suppressions.list({ search: "private" })).toMatchObject({ total: 0, items: [] });
    await expect(caller.suppressions.delete({ suppressionId: row.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(theirs.owner, theirs.workspace.id).suppressions.list({})).total).toBe(1);
  });
});
