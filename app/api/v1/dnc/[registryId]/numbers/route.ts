import { refreshDncRegistry } from "@/server/domain/dnc/refresh-dnc-registry";
import { isAppError } from "@/server/errors";
import { authorizeWorkspaceRequest, errorResponse, httpStatusFor } from "@/server/http/workspace-request";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

/** The request body, cut off (failing the load) past `maxBytes`. */
async function* limited(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`The file is larger than ${maxBytes / 1024 / 1024} MB`);
    yield chunk;
  }
}

/**
 * POST /api/v1/dnc/{registryId}/numbers: the body is the file itself (one number per line, or a CSV
 * whose first column is the number), streamed into a new generation of the register; ?force=1 accepts
 * a list the safety checks would refuse. A signed-in editor or admin, with the workspace header.
 * Answers 200 with the counts, or 422 with the reason the list was refused (the old one stays in force).
 */
export async function POST(request: Request, { params }: { params: Promise<{ registryId: string }> }) {
  const authorized = await authorizeWorkspaceRequest(request, {});
  if (!authorized.ok) return authorized.response;
  const { registryId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(registryId)) return errorResponse("NOT_FOUND", "No Do-Not-Call register with that id in this workspace");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    return errorResponse("BAD_REQUEST", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, undefined, 413);
  }
  if (!request.body) return errorResponse("BAD_REQUEST", "Send the file as the request body", { file: ["empty"] });

  try {
    const result = await refreshDncRegistry({
      workspaceId: authorized.access.workspaceId,
      registryId,
      force: new URL(request.url).searchParams.get("force") === "1",
      source: { kind: "upload", body: limited(request.body, MAX_UPLOAD_BYTES) },
    });
    return Response.json(result, { status: result.ok ? 200 : 422 });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message, error.fieldErrors, httpStatusFor(error.code));
    logger.error({ err: error }, "Do-Not-Call upload failed");
    return errorResponse("INTERNAL", "Something went wrong on our side; the list in force is unchanged. Try again.");
  }
}
