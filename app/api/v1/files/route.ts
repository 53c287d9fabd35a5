import { fileLimits, maxBytesFor, tooLargeMessage, ZFilePurpose, type FilePurpose } from "@/server/domain/files/file-rules";
import { storeFile } from "@/server/domain/files/store-file";
import { isAppError } from "@/server/errors";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor, readBodyLimited } from "@/server/http/workspace-request";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

// Room for the multipart boundaries, part headers and the purpose field around the file itself.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = (message: string) => errorResponse("BAD_REQUEST", message, { file: [message] }, 413);

/**
 * POST /api/v1/files: multipart/form-data with `file` and `purpose` (attachment or image); add
 * ?purpose= to the URL too and an oversized upload is refused from its Content-Length alone, before
 * any of it is read. A signed-in editor (workspace header or cookie) or an API key with
 * templates:write. Answers 201 with { id, filename, contentType, sizeBytes, purpose, url? } (images
 * get their public url), 413 past the size limit, 400 naming the refused type.
 */
export async function POST(request: Request) {
  const authorized = await authorizeWorkspaceRequest(request, { scope: "templates:write", role: "editor" });
  if (!authorized.ok) return authorized.response;

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    return errorResponse("BAD_REQUEST", "Send the file as multipart/form-data with the fields file and purpose", undefined, 415);
  }
  const limits = fileLimits();
  // Until the form is read the purpose is only known from the URL; without it, allow the larger limit.
  const hinted = ZFilePurpose.safeParse(new URL(request.url).searchParams.get("purpose"));
  const hintedPurpose: FilePurpose | null = hinted.success ? hinted.data : null;
  const largest = hintedPurpose ? maxBytesFor(hintedPurpose, limits) : Math.max(limits.attachmentMaxBytes, limits.imageMaxBytes);
  const read = await readBodyLimited(request, largest + MULTIPART_OVERHEAD_BYTES);
  if (!read.ok) {
    return tooLarge(
      hintedPurpose
        ? tooLargeMessage(hintedPurpose, limits)
        : tooLargeMessage(limits.attachmentMaxBytes >= limits.imageMaxBytes ? "attachment" : "image", limits),
    );
  }

  let form: FormData;
  try {
    form = await new Response(new Uint8Array(read.body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return errorResponse("BAD_REQUEST", "The request body is not a valid multipart form");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return errorResponse("BAD_REQUEST", "Choose a file to upload", { file: ["Choose a file to upload"] });
  const purpose = ZFilePurpose.safeParse(form.get("purpose") ?? hintedPurpose);
  if (!purpose.success || (hintedPurpose && purpose.data !== hintedPurpose)) {
    const message = purpose.success ? "The purpose in the form and in the URL differ" : "purpose must be attachment or image";
    return errorResponse("BAD_REQUEST", message, { purpose: [message] });
  }
  if (file.size > maxBytesFor(purpose.data, limits)) return tooLarge(tooLargeMessage(purpose.data, limits));

  const { workspaceId, actor } = authorized.access;
  try {
    const stored = await storeFile({
      workspaceId,
      purpose: purpose.data,
      filename: file.name,
      declaredType: file.type,
      bytes: Buffer.from(await file.arrayBuffer()),
      createdBy: actor.kind === "user" ? actor.userId : null,
    });
    return Response.json(
      {
        id: stored.id,
        filename: stored.filename,
        contentType: stored.contentType,
        sizeBytes: stored.sizeBytes,
        purpose: stored.purpose,
        ...(stored.url ? { url: stored.url } : {}),
      },
      { status: 201 },
    );
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    logger.error({ err: error }, "file upload failed");
    return errorResponse("INTERNAL", "The file could not be stored. Try again.");
  }
}
