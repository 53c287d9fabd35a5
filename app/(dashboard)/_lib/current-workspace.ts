import "server-only";
import { TRPCError } from "@trpc/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { withNext } from "@/lib/safe-next";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { isInstanceAdmin } from "@/server/domain/instance/is-instance-admin";
import { WORKSPACE_COOKIE } from "@/server/trpc/context";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * Who is signed in and which workspace they are looking at, once per request (React cache), for the
 * dashboard layout and any page that needs the current role. Redirects to sign-in without a
 * session and to onboarding without a workspace. A cookie naming a workspace the person is not in
 * (left by someone else, or a membership since removed) falls back to their first workspace.
 */
export const loadDashboardState = cache(async () => {
  const caller = await serverCaller();
  let me: Awaited<ReturnType<typeof caller.me.get>>;
  try {
    me = await caller.me.get();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      redirect(withNext("/sign-in", (await headers()).get(REQUEST_PATH_HEADER)));
    }
    throw error;
  }
  if (me.workspaces.length === 0) redirect("/onboarding");

  const chosen = (await cookies()).get(WORKSPACE_COOKIE)?.value ?? null;
  const current = me.workspaces.find((workspace) => workspace.id === chosen) ?? me.workspaces[0]!;
  const instanceAdmin = await isInstanceAdmin({ userId: me.user.id, email: me.user.email });
  return { user: me.user, workspaces: me.workspaces, current, instanceAdmin, cookieIsStale: chosen !== current.id };
});
