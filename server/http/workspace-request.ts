import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { findMembership } from "@/server/domain/workspaces/find-membership";
import { hasRole, type Role } from "@/server/domain/workspaces/roles";
import type { AppErrorCode, FieldErrors } from "@/server/errors";
import { createContextFromHeaders } from "@/server/trpc/context";
import type { WorkspaceActor } from "@/server/trpc/init";

/**
 * Access checks for plain route handlers (uploads, the events endpoint), with the same rules and the
 * same messages as tRPC's workspaceProcedure: a session plus the x-herald-workspace header (or the
 * switcher's cookie), or an API key carrying `scope`. Keys act as at most an editor.
 */
export type WorkspaceRequestRule = { scope?: ApiScope; role?: Role };
export type WorkspaceAccess = { workspaceId: string; role: Role; actor: WorkspaceActor };

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
};

/** The JSON error body every route handler answers with: `{ error: { code, message, fieldErrors? } }`. */
export const errorResponse = (code: AppErrorCode, message: string, fieldErrors?: FieldErrors, status = STATUS[code]) =>
  Response.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status });

export const httpStatusFor = (code: AppErrorCode) => STATUS[code];

export const authorizeWorkspaceRequest = async (
  request: Request,
  { scope, role = request.method === "GET" || request.method === "HEAD" ? "viewer" : "editor" }: WorkspaceRequestRule,
): Promise<{ ok: true; access: WorkspaceAccess } | { ok: false; response: Response }> => {
  const deny = (code: AppErrorCode, message: string) => ({ ok: false as const, response: errorResponse(code, message) });
  const ctx = await createContextFromHeaders(request.headers);
  const principal = ctx.principal;
  if (!principal) {
    return deny("UNAUTHORIZED", ctx.invalidApiKey ? "The API key is not valid or has been revoked" : "Sign in or send an API key to continue");
  }
  if (principal.kind === "apiKey") {
    if (ctx.requestedWorkspaceId && ctx.requestedWorkspaceId !== principal.workspaceId) {
      return deny("FORBIDDEN", "This API key belongs to another workspace");
    }
    if (!scope) return deny("FORBIDDEN", "This needs a signed-in person; API keys cannot call it");
    if (!principal.scopes.includes(scope)) return deny("FORBIDDEN", `This API key lacks the "${scope}" scope`);
    if (!hasRole("editor", role)) return deny("FORBIDDEN", "API keys cannot administer a workspace");
    return {
      ok: true,
      access: { workspaceId: principal.workspaceId, role: "editor", actor: { kind: "apiKey", keyId: principal.keyId, name: principal.name } },
    };
  }
  if (!ctx.requestedWorkspaceId) return deny("BAD_REQUEST", "Choose a workspace first (x-herald-workspace header)");
  const membership = /^[0-9a-f-]{36}$/i.test(ctx.requestedWorkspaceId)
    ? await findMembership({ workspaceId: ctx.requestedWorkspaceId, userId: principal.userId })
    : null;
  if (!membership) return deny("FORBIDDEN", "You are not a member of this workspace");
  if (!hasRole(membership.role, role)) {
    const article = /^[aeiou]/.test(membership.role) ? "an" : "a";
    return deny("FORBIDDEN", `This needs the ${role} role or higher; you are ${article} ${membership.role}`);
  }
  return {
    ok: true,
    access: {
      workspaceId: membership.workspace.id,
      role: membership.role,
      actor: { kind: "user", userId: principal.userId, email: principal.email, name: principal.name },
    },
  };
};

/**
 * The request body, refusing more than `maxBytes` (413) whether or not Content-Length was sent, so
 * a large or endless body is never buffered whole.
 */
export const readBodyLimited = async (
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; body: Buffer } | { ok: false; tooLarge: true }> => {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, body: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return { ok: true, body: Buffer.concat(chunks) };
};
