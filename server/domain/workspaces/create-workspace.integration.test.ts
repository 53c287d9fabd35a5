import { describe, expect, it } from "vitest";
import { callerFor, createTestUser } from "@/server/testing/fixtures";

describe("workspaces.create", () => {
  it("makes the creator the owner and lists the workspace for them only", async () => {
    const alice = await createTestUser("Alice");
    const bob = await createTestUser("Bob");
    const created = await callerFor(alice).workspaces.create({ name: "  Acme Marketing " });
    expect(created.name).toBe("Acme Marketing");
    expect(created.slug).toMatch(/^acme-marketing-[0-9a-f]{6}$/);

    const mine = await callerFor(alice).workspaces.list();
    expect(mine).toEqual([{ id: created.id, name: "Acme Marketing", slug: created.slug, role: "owner" }]);
    expect(await callerFor(bob).workspaces.list()).toEqual([]);
  });

  it("rejects a one-letter name with a field error and creates nothing", async () => {
    const alice = await createTestUser();
    await expect(callerFor(alice).workspaces.create({ name: " x " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Workspace name must be at least 2 characters",
    });
    expect(await callerFor(alice).workspaces.list()).toEqual([]);
  });
});
