import { exportContacts } from "@/server/domain/exports/export-contacts";
import { isAppError } from "@/server/errors";
import { csvDownload, withWorkspaceFromQuery } from "@/server/http/csv-download";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor } from "@/server/http/workspace-request";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/exports/contacts[?listId=…|?segmentId=…]: the workspace's contacts (or a list's members,
 * or a segment's matches) as a streamed CSV: id, email, phone, first_name, last_name, timezone, locale,
 * email_status, sms_status, then one column per attribute. Viewer+ or an API key with contacts:read.
 */
export async function GET(request: Request) {
  const authorized = await authorizeWorkspaceRequest(withWorkspaceFromQuery(request), { scope: "contacts:read", role: "viewer" });
  if (!authorized.ok) return authorized.response;
  const params = new URL(request.url).searchParams;
  const listId = params.get("listId");
  const segmentId = params.get("segmentId");
  if (listId && segmentId) return errorResponse("BAD_REQUEST", "Export a list or a segment, not both");
  for (const [name, value] of [["listId", listId], ["segmentId", segmentId]] as const) {
    if (value && !UUID.test(value)) return errorResponse("BAD_REQUEST", `${name} must be a ${name === "listId" ? "list" : "segment"} id`, { [name]: ["not an id"] });
  }
  try {
    const { filename, stream } = await exportContacts({ workspaceId: authorized.access.workspaceId, listId, segmentId });
    return csvDownload(filename, stream);
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    throw error;
  }
}
