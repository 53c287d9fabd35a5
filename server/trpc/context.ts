import { getAuth } from "@/server/auth/auth";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/server/domain/api-keys/authenticate-api-key";

export const WORKSPACE_HEADER = "x-herald-workspace";
export const WORKSPACE_COOKIE = "herald_workspace";

export type UserPrincipal = { kind: "user"; userId: string; email: string; name: string };
export type Principal = UserPrincipal | ({ kind: "apiKey" } & ApiKeyPrincipal);

/**
 * Everything a procedure may know about the caller. `workspaceId` is only what the caller asked
 * for; workspaceProcedure checks it against a membership before anything uses it.
 */
export type Context = {
  principal: Principal | null;
  requestedWorkspaceId: string | null;
  /** Set when a bearer token was sent but is not a valid key, so the error can say so. */
  invalidApiKey?: boolean;
};

const readCookie = (cookieHeader: string | null, name: string) => {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
};

const bearerToken = (headers: Headers) => {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return authorization.slice(7).trim();
  return headers.get("x-api-key");
};

export const createContextFromHeaders = async (headers: Headers): Promise<Context> => {
  const requestedWorkspaceId = headers.get(WORKSPACE_HEADER) ?? readCookie(headers.get("cookie"), WORKSPACE_COOKIE);
  const token = bearerToken(headers);
  if (token) {
    const key = await authenticateApiKey({ secret: token });
    if (!key) return { principal: null, requestedWorkspaceId, invalidApiKey: true };
    return { principal: { kind: "apiKey", ...key }, requestedWorkspaceId };
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session) return { principal: null, requestedWorkspaceId };
  const { user } = session;
  return { principal: { kind: "user", userId: user.id, email: user.email, name: user.name }, requestedWorkspaceId };
};
