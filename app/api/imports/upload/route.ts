import { getImport } from "@/server/domain/imports/get-import";
import { MAX_UPLOAD_BYTES, uploadImport } from "@/server/domain/imports/upload-import";
import { isAppError } from "@/server/errors";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor } from "@/server/http/workspace-request";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

const problem = (status: 413 | 415 | 422, message: string) =>
  Response.json(
    { error: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "UNPROCESSABLE_CONTENT", message } },
    { status },
  );

/**
 * POST /api/imports/upload?filename=contacts.csv with the CSV itself as the request body (not
 * multipart: the browser sends the File as is, curl uses --data-binary @file). Streams it into
 * the database chunk by chunk, up to 2 GiB. Answers 201 with the import (its columns, sample rows and
 * a suggested mapping); 413 when too large; 422 when the file is empty or has no data rows.
 * Needs an editor's session (with the x-herald-workspace header or the workspace cookie) or an API
 * key with contacts:write.
 */
export async function POST(request: Request) {
  const authorized = await authorizeWorkspaceRequest(request, { scope: "contacts:write", role: "editor" });
  if (!authorized.ok) return authorized.response;

  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    return problem(413, "The file is larger than 2 GiB; split it into smaller files");
  }
  if (/^multipart\//i.test(request.headers.get("content-type") ?? "")) {
    return problem(415, "Send the CSV file itself as the request body (Content-Type: text/csv), not a multipart form");
  }
  const url = new URL(request.url);
  const filename = url.searchParams.get("filename") ?? request.headers.get("x-filename") ?? "upload.csv";
  const { workspaceId, actor } = authorized.access;

  try {
    const result = await uploadImport({
      workspaceId,
      createdBy: actor.kind === "user" ? actor.userId : null,
      filename,
      body: (request.body ?? emptyBody()) as unknown as AsyncIterable<Uint8Array>,
    });
    if (!result.ok) return problem(result.status, result.message);
    const detail = await getImport({ workspaceId, importId: result.importId });
    return Response.json({ import: detail }, { status: 201, headers: { location: `/contacts/imports/${result.importId}` } });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    if (request.signal.aborted) return problem(422, "The upload was interrupted");
    logger.error({ err: error }, "import upload failed");
    return errorResponse("INTERNAL", "The upload could not be stored. Try again.");
  }
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}
