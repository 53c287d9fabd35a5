import { enterJourneyByApi } from "@/server/domain/journeys/enter-journey";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor, readBodyLimited } from "@/server/http/workspace-request";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * POST /api/v1/journeys/{journeyId}/enter: `{ "contact": { "email": ... } | { "id" } | { "phone" }, "data": {...} }`
 * with `Authorization: Bearer <API key with contacts:write>`. 200 with `{ entered: true, runId }`, or
 * `{ entered: false, reason }` when the contact is already inside or the entry rule keeps them out.
 */
export async function POST(request: Request, { params }: { params: Promise<{ journeyId: string }> }) {
  const authorized = await authorizeWorkspaceRequest(request, { scope: "contacts:write" });
  if (!authorized.ok) return authorized.response;
  const read = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!read.ok) return errorResponse("BAD_REQUEST", "The request body is larger than 64 KB", undefined, 413);
  let body: unknown;
  try {
    body = JSON.parse(read.body.toString("utf8"));
  } catch {
    return errorResponse("BAD_REQUEST", "The request body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return errorResponse("BAD_REQUEST", 'Send a JSON object: { "contact": { "email": "..." }, "data": { ... } }', { body: ["must be a JSON object"] });
  }
  const { journeyId } = await params;
  try {
    const result = await enterJourneyByApi({ workspaceId: authorized.access.workspaceId, ...(body as object), journeyId } as Parameters<typeof enterJourneyByApi>[0]);
    return Response.json(result, { status: 200 });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    logger.error({ err: error }, "journey enter failed");
    return errorResponse("INTERNAL", "Something went wrong; try again");
  }
}
