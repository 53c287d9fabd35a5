import { sendTransactional } from "@/server/domain/transactional/send-transactional";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor, readBodyLimited } from "@/server/http/workspace-request";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * POST /api/v1/send: one transactional email, `{ to, templateId | subject+html, data, idempotencyKey }`,
 * with `Authorization: Bearer <API key with send>`. 202 with `{ messageId, status }` once it is queued
 * (or was already, for a repeated idempotency key: status "duplicate"); 200 with status "suppressed"
 * when the address may not receive mail.
 */
export async function POST(request: Request) {
  const authorized = await authorizeWorkspaceRequest(request, { scope: "send" });
  if (!authorized.ok) return authorized.response;
  const read = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!read.ok) return errorResponse("BAD_REQUEST", "The request body is larger than 2 MB", undefined, 413);
  let body: unknown;
  try {
    body = JSON.parse(read.body.toString("utf8"));
  } catch {
    return errorResponse("BAD_REQUEST", "The request body is not valid JSON");
  }
  try {
    const result = await sendTransactional({ workspaceId: authorized.access.workspaceId, ...(body as object) } as Parameters<typeof sendTransactional>[0]);
    return Response.json(result, { status: result.status === "suppressed" ? 200 : 202 });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    logger.error({ err: error }, "transactional send failed");
    return errorResponse("INTERNAL", "Something went wrong; try again");
  }
}
