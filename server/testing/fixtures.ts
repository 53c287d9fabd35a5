import { randomUUID } from "node:crypto";
import { getAuth } from "@/server/auth/auth";
import { createApiKey } from "@/server/domain/api-keys/create-api-key";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { createWorkspace } from "@/server/domain/workspaces/create-workspace";
import { workspaceMembers } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import type { Role } from "@/server/domain/workspaces/roles";
import { createContextFromHeaders, type Context } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export const TEST_PASSWORD = "correct horse battery staple";

export type TestUser = { id: string; email: string; name: string };

/** A real user, signed up through better-auth (so the password is really hashed and checkable). */
export const createTestUser = async (name = "Test User"): Promise<TestUser> => {
  const email = `user-${randomUUID()}@example.test`;
  const result = await getAuth().api.signUpEmail({ body: { email, password: TEST_PASSWORD, name } });
  return { id: result.user.id, email: result.user.email, name: result.user.name };
};

/** A fresh workspace with its owner, so every test has data nobody else sees. */
export const createTestWorkspace = async (name = "Test Workspace") => {
  const owner = await createTestUser("Owner");
  const workspace = await createWorkspace({ userId: owner.id, name });
  return { workspace, owner };
};

export const addTestMember = async (workspaceId: string, role: Role) => {
  const user = await createTestUser(`${role} member`);
  const [member] = await db.insert(workspaceMembers).values({ workspaceId, userId: user.id, role }).returning();
  return { user, member: member! };
};

export const createTestApiKey = async (workspaceId: string, createdBy: string, scopes: ApiScope[]) =>
  createApiKey({ workspaceId, createdBy, name: "test key", scopes });

/** A tRPC caller acting as a signed-in user, with a chosen workspace (as the switcher would send). */
export const callerFor = (user: TestUser | null, workspaceId: string | null = null) => {
  const context: Context = {
    principal: user ? { kind: "user", userId: user.id, email: user.email, name: user.name } : null,
    requestedWorkspaceId: workspaceId,
  };
  return createCaller(context);
};

/** A tRPC caller that authenticates exactly as an HTTP request would, from raw headers. */
export const callerFromHeaders = async (headers: Record<string, string>) =>
  createCaller(await createContextFromHeaders(new Headers(headers)));
