import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { smsRoutes, smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { signInCookie } from "@/server/testing/auth-http";
import {
  addTestMember,
  callerFor,
  callerFromHeaders,
  createTestApiKey,
  createTestWorkspace,
  TEST_PASSWORD,
} from "@/server/testing/fixtures";
import { trpcHttp } from "@/server/testing/trpc-http";

const HK_DIRECT = { name: "HK direct", markets: ["HK", "MO"], pricePerSegment: 0.045, charset: "gsm7" as const };

describe("SMS routes through tRPC", () => {
  it("an admin creates, lists, updates and deletes routes; markets come back in a fixed order", async () => {
    const { workspace } = await createTestWorkspace();
    const { user: admin } = await addTestMember(workspace.id, "admin");
    const caller = callerFor(admin, workspace.id);

    const route = await caller.smsRoutes.create({ name: " HK direct ", markets: ["MO", "HK", "MO"], pricePerSegment: 0.045, charset: "gsm7" });
    expect(route).toMatchObject({ name: "HK direct", markets: ["HK", "MO"], pricePerSegment: 0.045, charset: "gsm7" });
    const intl = await caller.smsRoutes.create({ name: "Global", markets: ["INTL"], pricePerSegment: 0 });
    expect(intl.charset).toBe("ucs2");

    expect(await caller.smsRoutes.list()).toEqual([
      expect.objectContaining({ id: intl.id, name: "Global", templateCount: 0 }),
      expect.objectContaining({ id: route.id, name: "HK direct", templateCount: 0 }),
    ]);

    const updated = await caller.smsRoutes.update({ routeId: route.id, pricePerSegment: 0.1234, markets: ["TW", "CN"], charset: "gsm7_basic" });
    expect(updated).toMatchObject({ name: "HK direct", markets: ["TW", "CN"], pricePerSegment: 0.1234, charset: "gsm7_basic" });

    // Deleting keeps the templates that used it, without a route.
    const template = await caller.smsTemplates.create({ name: "Sale", body: "Sale on", routeId: route.id });
    expect((await caller.smsRoutes.list()).find((r) => r.id === route.id)?.templateCount).toBe(1);
    expect(await caller.smsRoutes.delete({ routeId: route.id })).toEqual({ id: route.id });
    expect((await caller.smsTemplates.get({ templateId: template.id })).routeId).toBeNull();
    expect((await caller.smsRoutes.list()).map((r) => r.name)).toEqual(["Global"]);
    await expect(caller.smsRoutes.delete({ routeId: route.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("explains bad input field by field, over HTTP as the settings form sees it", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const headers = { cookie: await signInCookie(owner.email, TEST_PASSWORD), "x-herald-workspace": workspace.id };
    const create = (input: unknown) => trpcHttp("smsRoutes.create", { type: "mutation", input, headers });

    expect((await create(HK_DIRECT)).status).toBe(200);

    const invalid = await create({ name: " ", markets: ["HK", "UK", "XX"], pricePerSegment: -1, charset: "latin1" });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.data.fieldErrors).toEqual({
      name: ["Give the route a name, such as HK direct"],
      markets: ["“UK”, “XX” are not markets; choose from HK, MO, TW, CN, INTL"],
      pricePerSegment: ["The price cannot be negative"],
      charset: ["Character set must be one of ucs2, gsm7, gsm7_basic"],
    });
    expect((await create({ ...HK_DIRECT, name: "Empty", markets: [] })).error?.data.fieldErrors).toEqual({ markets: ["Choose at least one market"] });
    expect((await create({ ...HK_DIRECT, name: "Fine", pricePerSegment: 0.00001 })).error?.data.fieldErrors).toEqual({
      pricePerSegment: ["Use at most 4 decimal places"],
    });

    const duplicate = await create({ ...HK_DIRECT, name: "HK direct" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.error).toMatchObject({
      message: "A route named “HK direct” already exists",
      data: { appCode: "CONFLICT", fieldErrors: { name: ["A route named “HK direct” already exists"] } },
    });

    // Renaming onto a taken name is the same conflict; the same name in another workspace is fine.
    const caller = callerFor(owner, workspace.id);
    const other = await caller.smsRoutes.create({ ...HK_DIRECT, name: "TW" });
    await expect(caller.smsRoutes.update({ routeId: other.id, name: "HK direct" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { name: ["A route named “HK direct” already exists"] } },
    });
    const elsewhere = await createTestWorkspace();
    expect(await callerFor(elsewhere.owner, elsewhere.workspace.id).smsRoutes.create(HK_DIRECT)).toMatchObject({ name: "HK direct" });
  });

  it("only admins manage routes; editors, viewers and API keys may only list them", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const route = await callerFor(owner, workspace.id).smsRoutes.create(HK_DIRECT);
    const { user: editor } = await addTestMember(workspace.id, "editor");
    const { user: viewer } = await addTestMember(workspace.id, "viewer");
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["templates:read", "templates:write"]);
    const key = await callerFromHeaders({ authorization: `Bearer ${secret}` });

    for (const [who, caller] of [
      ["editor", callerFor(editor, workspace.id)],
      ["viewer", callerFor(viewer, workspace.id)],
      ["API key", key],
    ] as const) {
      expect((await caller.smsRoutes.list()).map((r) => r.id), who).toEqual([route.id]);
      await expect(caller.smsRoutes.create({ ...HK_DIRECT, name: "Mine" }), who).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.smsRoutes.update({ routeId: route.id, pricePerSegment: 0 }), who).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.smsRoutes.delete({ routeId: route.id }), who).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const [stored] = await db.select().from(smsRoutes).where(eq(smsRoutes.id, route.id));
    expect(stored).toMatchObject({ pricePerSegment: 0.045 });

    // An API key without templates:read cannot even list.
    const { secret: contactsOnly } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    await expect((await callerFromHeaders({ authorization: `Bearer ${contactsOnly}` })).smsRoutes.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'This API key lacks the "templates:read" scope',
    });
  });

  it("never reaches another workspace's route", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const route = await callerFor(a.owner, a.workspace.id).smsRoutes.create(HK_DIRECT);
    const intruder = callerFor(b.owner, b.workspace.id);

    expect(await intruder.smsRoutes.list()).toEqual([]);
    await expect(intruder.smsRoutes.update({ routeId: route.id, pricePerSegment: 9 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.smsRoutes.update({ routeId: route.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.smsRoutes.delete({ routeId: route.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor can B hang its template on A's route.
    await expect(intruder.smsTemplates.create({ name: "X", routeId: route.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { routeId: ["Choose one of this workspace's SMS routes"] } },
    });
    expect(await db.select().from(smsTemplates).where(eq(smsTemplates.workspaceId, b.workspace.id))).toEqual([]);
    const [stored] = await db.select().from(smsRoutes).where(eq(smsRoutes.id, route.id));
    expect(stored).toMatchObject({ name: "HK direct", pricePerSegment: 0.045, markets: ["HK", "MO"] });
  });
});
