import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError, type AppErrorCode, type FieldErrors } from "@/server/errors";
import { logger } from "@/server/logger";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { isInstanceAdmin } from "@/server/domain/instance/is-instance-admin";
import { findMembership } from "@/server/domain/workspaces/find-membership";
import { hasRole, type Role } from "@/server/domain/workspaces/roles";
import type { Context, UserPrincipal } from "./context";

/**
 * Per-procedure access rules, read by workspaceProcedure.
 * - role: the least role a member needs (default: viewer for queries, editor for mutations).
 * - scope: the API-key scope that lets a key call it; without one, API keys are refused.
 */
export type Meta = { role?: Role; scope?: ApiScope };

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const zodFieldErrors = (error: ZodError): FieldErrors => {
  const fields: FieldErrors = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "input"] ??= []).push(issue.message);
  return fields;
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError ? zodFieldErrors(cause) : cause instanceof AppError ? cause.fieldErrors : undefined;
      const message =
        cause instanceof ZodError
          ? Object.entries(fieldErrors ?? {})
              .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
              .join("; ")
          : shape.message;
      return {
        ...shape,
        message,
        data: {
          ...shape.data,
          // Never leak stack traces to callers outside development.
          stack: process.env.NODE_ENV === "development" ? shape.data.stack : undefined,
          appCode: cause instanceof AppError ? cause.code : undefined,
          fieldErrors: fieldErrors ?? null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors into tRPC errors with the matching status; anything else is logged as a bug. */
const mapDomainErrors = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const error = result.error;
    const cause = error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    }
    if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: cause ?? error, path, type }, "procedure failed");
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

const unauthenticated = (ctx: Context) =>
  new TRPCError({
    code: "UNAUTHORIZED",
    message: ctx.invalidApiKey ? "The API key is not valid or has been revoked" : "Sign in or send an API key to continue",
  });

/** A signed-in person, acting for themselves (not yet inside a workspace). */
export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.principal?.kind !== "user") {
    if (ctx.principal?.kind === "apiKey") {
      throw new TRPCError({ code: "FORBIDDEN", message: "This needs a signed-in person; API keys cannot call it" });
    }
    throw unauthenticated(ctx);
  }
  return next({ ctx: { ...ctx, user: ctx.principal as UserPrincipal } });
});

/**
 * Someone who operates the whole instance (HERALD_ADMIN_EMAILS, or the oldest workspace's owners), for
 * pages that serve every workspace, such as sending nodes. Never an API key: keys belong to one workspace.
 */
export const instanceAdminProcedure = userProcedure.use(async ({ ctx, next }) => {
  if (!(await isInstanceAdmin(ctx.user))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the administrators of this Herald instance can do this" });
  }
  return next();
});

export type WorkspaceActor =
  | { kind: "user"; userId: string; email: string; name: string }
  | { kind: "apiKey"; keyId: string; name: string };

/**
 * Loads the workspace and checks membership and role once. Everything below it gets
 * `ctx.workspace.id` and must pass it to the domain, which scopes every query by it.
 */
export const workspaceProcedure = publicProcedure.use(async ({ ctx, meta, type, next }) => {
  const requiredRole: Role = meta?.role ?? (type === "mutation" ? "editor" : "viewer");
  const principal = ctx.principal;
  if (!principal) throw unauthenticated(ctx);

  if (principal.kind === "apiKey") {
    if (ctx.requestedWorkspaceId && ctx.requestedWorkspaceId !== principal.workspaceId) {
      throw new TRPCError({ code: "FORBIDDEN", message: "This API key belongs to another workspace" });
    }
    if (!meta?.scope) {
      throw new TRPCError({ code: "FORBIDDEN", message: "This needs a signed-in person; API keys cannot call it" });
    }
    if (!principal.scopes.includes(meta.scope)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This API key lacks the "${meta.scope}" scope` });
    }
    // A key acts with at most an editor's rights: it can never administer the workspace.
    if (!hasRole("editor", requiredRole)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "API keys cannot administer a workspace" });
    }
    const actor: WorkspaceActor = { kind: "apiKey", keyId: principal.keyId, name: principal.name };
    return next({ ctx: { ...ctx, workspace: { id: principal.workspaceId }, role: "editor" as Role, actor } });
  }

  if (!ctx.requestedWorkspaceId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Choose a workspace first (x-herald-workspace header)" });
  }
  const membership = /^[0-9a-f-]{36}$/i.test(ctx.requestedWorkspaceId)
    ? await findMembership({ workspaceId: ctx.requestedWorkspaceId, userId: principal.userId })
    : null;
  // The same answer whether the workspace exists or not, so ids cannot be probed.
  if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this workspace" });
  if (!hasRole(membership.role, requiredRole)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `This needs the ${requiredRole} role or higher; you are ${/^[aeiou]/.test(membership.role) ? "an" : "a"} ${membership.role}`,
    });
  }
  const actor: WorkspaceActor = { kind: "user", userId: principal.userId, email: principal.email, name: principal.name };
  return next({ ctx: { ...ctx, workspace: membership.workspace, role: membership.role, actor } });
});

/** For procedures that only a person (not an API key) may call inside a workspace. */
/** The signed-in person's user id for "created by" columns; null when an API key acted. */
export const actorUserId = (actor: WorkspaceActor): string | null => (actor.kind === "user" ? actor.userId : null);

export const requirePerson = (actor: WorkspaceActor) => {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "This needs a signed-in person; API keys cannot call it");
  return actor;
};
