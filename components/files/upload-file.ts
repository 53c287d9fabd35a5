import type { FilePurpose } from "@/server/domain/files/file-rules";

/** What POST /api/v1/files answers with; images also get the public `url` to put in a design. */
export type UploadedFile = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  purpose: FilePurpose;
  url?: string;
};

/** The server's own message (written for people), the HTTP status (0 when Herald was not reached) and field errors. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * Sends one file as multipart/form-data with the session cookie and the workspace header (as the
 * other uploads here do). The purpose also goes in the URL so the server can refuse an oversized
 * file from its Content-Length before reading it.
 */
export const uploadFile = async (
  file: File,
  purpose: FilePurpose,
  { workspaceId, signal }: { workspaceId?: string; signal?: AbortSignal } = {},
): Promise<UploadedFile> => {
  const body = new FormData();
  body.set("file", file);
  body.set("purpose", purpose);
  let response: Response;
  try {
    response = await fetch(`/api/v1/files?purpose=${purpose}`, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: workspaceId ? { "x-herald-workspace": workspaceId } : {},
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new UploadError("Herald could not be reached. Check your connection and try again.", 0);
  }
  const json = (await response.json().catch(() => null)) as
    | (UploadedFile & { error?: undefined })
    | { error?: { message?: string; fieldErrors?: Record<string, string[]> } }
    | null;
  if (response.status === 201 && json && "id" in json) return json;
  const error = json?.error;
  throw new UploadError(error?.message ?? `The upload failed (HTTP ${response.status}). Try again.`, response.status, error?.fieldErrors);
};
