import { exportImportRejections } from "@/server/domain/imports/export-import-rejections";
import { isAppError } from "@/server/errors";
import { csvDownload, withWorkspaceFromQuery } from "@/server/http/csv-download";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor } from "@/server/http/workspace-request";

export const dynamic = "force-dynamic";

/** GET /api/imports/<id>/rejections: the rejected rows report (line, reason, raw) as CSV. Viewer+ or contacts:read. */
export async function GET(request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const authorized = await authorizeWorkspaceRequest(withWorkspaceFromQuery(request), { scope: "contacts:read", role: "viewer" });
  if (!authorized.ok) return authorized.response;
  const { importId } = await params;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(importId)) {
    return errorResponse("NOT_FOUND", "No import with that id in this workspace");
  }
  try {
    const { filename, stream } = await exportImportRejections({ workspaceId: authorized.access.workspaceId, importId });
    return csvDownload(filename, stream);
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    throw error;
  }
}
