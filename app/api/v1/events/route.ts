import { MAX_EVENTS_PER_BATCH, trackEvents, type TrackEventInput } from "@/server/domain/events/track-events";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor, readBodyLimited } from "@/server/http/workspace-request";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * POST /api/v1/events: `{ "events": [...] }` (up to 1,000) or one event object, with
 * `Authorization: Bearer <API key with contacts:write>`. Answers 200 when every event was stored,
 * 207 when some were (the rest are listed with their index and reason), and 400 when none was.
 */
export async function POST(request: Request) {
  const authorized = await authorizeWorkspaceRequest(request, { scope: "contacts:write" });
  if (!authorized.ok) return authorized.response;

  const read = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!read.ok) return errorResponse("BAD_REQUEST", "The request body is larger than 5 MB; send smaller batches", undefined, 413);

  let body: unknown;
  try {
    body = JSON.parse(read.body.toString("utf8"));
  } catch {
    return errorResponse("BAD_REQUEST", "The request body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return errorResponse("BAD_REQUEST", 'Send a JSON object: { "events": [...] } or a single event', { body: ["must be a JSON object"] });
  }

  const batch = "events" in body;
  const events = batch ? (body as { events: unknown }).events : [body];
  if (!Array.isArray(events)) return errorResponse("BAD_REQUEST", "events must be an array", { events: ["must be an array"] });
  if (events.length === 0) return errorResponse("BAD_REQUEST", "Send at least one event", { events: ["must not be empty"] });
  if (events.length > MAX_EVENTS_PER_BATCH) {
    return errorResponse(
      "BAD_REQUEST",
      `Send at most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events per request (got ${events.length.toLocaleString("en")})`,
      { events: [`at most ${MAX_EVENTS_PER_BATCH} events per request`] },
      413,
    );
  }

  try {
    // trackEvents validates every event on its own; this only passes the parsed JSON through.
    const result = await trackEvents({ workspaceId: authorized.access.workspaceId, events: events as TrackEventInput[] });
    if (result.accepted === 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const entry of result.results) {
        if (entry.status !== "rejected") continue;
        for (const [field, messages] of Object.entries(entry.fieldErrors)) {
          fieldErrors[batch ? `events.${entry.index}.${field}` : field] = messages;
        }
      }
      const message = batch
        ? `No event was stored: all ${result.rejected} were rejected`
        : result.results[0]?.status === "rejected"
          ? result.results[0].reason
          : "The event was rejected";
      return Response.json({ ...result, error: { code: "BAD_REQUEST", message, fieldErrors } }, { status: 400 });
    }
    return Response.json(result, { status: result.rejected ? 207 : 200 });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    logger.error({ err: error }, "events endpoint failed");
    return errorResponse("INTERNAL", "Something went wrong on our side; the events were not stored. Try again.");
  }
}
