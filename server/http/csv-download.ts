/** A streamed CSV download: UTF-8 with a byte-order mark so Excel reads the accents right. */
export const csvDownload = (filename: string, stream: ReadableStream<Uint8Array>) => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
  let bomSent = false;
  const withBom = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (!bomSent) {
          bomSent = true;
          controller.enqueue(bom);
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(withBom, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
};

/**
 * Lets a plain link choose the workspace with ?workspace=<id> (a download cannot send the
 * x-herald-workspace header, and the cookie may name another tab's workspace). Like the header it is
 * a choice, not a credential: membership is still checked.
 */
export const withWorkspaceFromQuery = (request: Request) => {
  const workspace = new URL(request.url).searchParams.get("workspace");
  if (!workspace || request.headers.get("x-herald-workspace")) return request;
  const headers = new Headers(request.headers);
  headers.set("x-herald-workspace", workspace);
  return new Request(request.url, { method: request.method, headers });
};
