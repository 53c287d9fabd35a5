import "server-only";
import { cookies, headers } from "next/headers";
import { createContextFromHeaders, WORKSPACE_COOKIE, WORKSPACE_HEADER } from "./context";
import { createCaller } from "./root";

/**
 * For server components: the same procedures, called in-process with the request's session and the
 * workspace chosen in the switcher (a cookie), so pages prefetch without an HTTP round trip.
 */
export const serverCaller = async (workspaceId?: string | null) => {
  const requestHeaders = new Headers(await headers());
  const chosen = workspaceId ?? (await cookies()).get(WORKSPACE_COOKIE)?.value ?? null;
  if (chosen) requestHeaders.set(WORKSPACE_HEADER, chosen);
  return createCaller(await createContextFromHeaders(requestHeaders));
};
