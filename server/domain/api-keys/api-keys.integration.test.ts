import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { API_SCOPES } from "@/server/domain/api-keys/scopes";
import { appRouter } from "@/server/trpc/root";
import {
  addTestMember,
  callerFor,
  callerFromHeaders,
  createTestApiKey,
  createTestWorkspace,
} from "@/server/testing/fixtures";

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const keyRow = async (id: string) => (await db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;

/** Reaches any procedure of a caller by its "router.procedure" path. */
const callPath = (caller: unknown, path: string, input?: unknown) =>
  (path.split(".").reduce((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>)(
    input,
  );

describe("creating and listing API keys", () => {
  it("shows the secret once; the list never carries the secret or its hash", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const created = await callerFor(owner, workspace.id).apiKeys.create({ name: " CRM sync ", scopes: ["send", "send", "workspace:read"] });
    expect(created.secret).toMatch(/^hrld_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: "CRM sync", prefix: created.secret.slice(0, 12), scopes: ["send", "workspace:read"] });

    const stored = await keyRow(created.apiKey.id);
    expect(stored.keyHash).not.toBe(created.secret);
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);

    const list = await callerFor(owner, workspace.id).apiKeys.list();
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]!).sort()).toEqual(
      ["createdAt", "createdByName", "id", "lastUsedAt", "name", "prefix", "revokedAt", "scopes"].sort(),
    );
    expect(list[0]).toMatchObject({ id: created.apiKey.id, createdByName: "Owner", lastUsedAt: null, revokedAt: null });
    const listed = JSON.stringify(list);
    expect(listed).not.toContain(created.secret);
    expect(listed).not.toContain(stored.keyHash);
  });

  it("refuses a key without scopes or with an unknown scope, naming the field", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const caller = callerFor(owner, workspace.id);
    await expect(caller.apiKeys.create({ name: "k", scopes: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose at least one scope",
      cause: { fieldErrors: { scopes: ["Choose at least one scope"] } },
    });
    // @ts-expect-error: not a scope
    await expect(caller.apiKeys.create({ name: "k", scopes: ["root"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.apiKeys.list()).toEqual([]);
  });

  it("is for admins and owners only: editors and viewers cannot list, create or revoke keys", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { apiKey } = await createTestApiKey(workspace.id, owner.id, ["send"]);
    for (const role of ["editor", "viewer"] as const) {
      const { user } = await addTestMember(workspace.id, role);
      const caller = callerFor(user, workspace.id);
      const refused = { code: "FORBIDDEN", message: expect.stringContaining("needs the admin role") };
      await expect(caller.apiKeys.list()).rejects.toMatchObject(refused);
      await expect(caller.apiKeys.create({ name: "mine", scopes: ["send"] })).rejects.toMatchObject(refused);
      await expect(caller.apiKeys.revoke({ apiKeyId: apiKey.id })).rejects.toMatchObject(refused);
    }
    const { user: admin } = await addTestMember(workspace.id, "admin");
    expect(await callerFor(admin, workspace.id).apiKeys.list()).toHaveLength(1);
    expect((await keyRow(apiKey.id)).revokedAt).toBeNull();
  });
});

describe("authenticating with an API key", () => {
  it("a Bearer key acts in its own workspace and records when it was last used", async () => {
    const { workspace, owner } = await createTestWorkspace("Keyed Workspace");
    const { apiKey, secret } = await createTestApiKey(workspace.id, owner.id, ["workspace:read"]);
    expect((await keyRow(apiKey.id)).lastUsedAt).toBeNull();

    const current = await (await callerFromHeaders(bearer(secret))).workspaces.current();
    expect(current).toMatchObject({ id: workspace.id, name: "Keyed Workspace", slug: workspace.slug, role: "editor" });
    expect((await keyRow(apiKey.id)).lastUsedAt).toBeInstanceOf(Date);

    // The same key sent as X-Api-Key, and with its own workspace named explicitly, works too.
    const viaHeader = await callerFromHeaders({ "x-api-key": secret, "x-herald-workspace": workspace.id });
    expect((await viaHeader.workspaces.current()).id).toBe(workspace.id);
  });

  it("a revoked or unknown key is UNAUTHORIZED, saying the key is invalid or revoked", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { apiKey, secret } = await createTestApiKey(workspace.id, owner.id, ["workspace:read"]);
    expect(await callerFor(owner, workspace.id).apiKeys.revoke({ apiKeyId: apiKey.id })).toMatchObject({ id: apiKey.id });
    expect((await keyRow(apiKey.id)).revokedAt).toBeInstanceOf(Date);

    const invalid = { code: "UNAUTHORIZED", message: "The API key is not valid or has been revoked" };
    await expect((await callerFromHeaders(bearer(secret))).workspaces.current()).rejects.toMatchObject(invalid);
    await expect((await callerFromHeaders(bearer(`${secret.slice(0, -4)}AAAA`))).workspaces.current()).rejects.toMatchObject(
      invalid,
    );
    await expect((await callerFromHeaders(bearer("not-a-key"))).workspaces.current()).rejects.toMatchObject(invalid);
    await expect(callerFor(owner, workspace.id).apiKeys.revoke({ apiKeyId: apiKey.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a key without the needed scope is FORBIDDEN, naming the scope", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["smtp"]);
    await expect((await callerFromHeaders(bearer(secret))).workspaces.current()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'This API key lacks the "workspace:read" scope',
    });
  });

  it("a key sent with another workspace's id is FORBIDDEN", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const { secret } = await createTestApiKey(a.workspace.id, a.owner.id, [...API_SCOPES]);
    const caller = await callerFromHeaders({ ...bearer(secret), "x-herald-workspace": b.workspace.id });
    await expect(caller.workspaces.current()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This API key belongs to another workspace",
    });
  });

  it("even with every scope, a key cannot manage members, keys or invitations, nor act as a person", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { apiKey, secret } = await createTestApiKey(workspace.id, owner.id, [...API_SCOPES]);
    const { member } = await addTestMember(workspace.id, "viewer");
    const caller = await callerFromHeaders(bearer(secret));

    // Every procedure under these routers, so ones added later are covered too.
    const adminPaths = Object.keys(appRouter._def.procedures).filter((path) =>
      ["members.", "apiKeys.", "invitations."].some((prefix) => path.startsWith(prefix)),
    );
    expect(adminPaths.length).toBeGreaterThanOrEqual(8);
    const input = {
      memberId: member.id,
      role: "owner",
      apiKeyId: apiKey.id,
      invitationId: apiKey.id,
      name: "escalated",
      scopes: ["send"],
      email: "new-admin@example.test",
      token: "a-token-of-sufficient-length",
    };
    for (const path of adminPaths) {
      await expect(callPath(caller, path, input), path).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "This needs a signed-in person; API keys cannot call it",
      });
    }
    for (const path of ["me.get", "workspaces.list", "workspaces.create", "workspaces.leave"]) {
      await expect(callPath(caller, path, { name: "Key's own", workspaceId: workspace.id }), path).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(caller.workspaces.rename({ name: "Renamed by key" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs a signed-in person; API keys cannot call it",
    });

    expect((await callerFor(owner, workspace.id).members.list()).find((m) => m.id === member.id)?.role).toBe("viewer");
    expect(await callerFor(owner, workspace.id).apiKeys.list()).toHaveLength(1);
    expect((await keyRow(apiKey.id)).revokedAt).toBeNull();
    expect(await callerFor(owner, workspace.id).invitations.list()).toEqual([]);
    expect((await callerFor(owner, workspace.id).workspaces.current()).name).toBe("Test Workspace");
  });
});
