import { Readable } from "node:stream";
import { readPublicImage } from "@/server/domain/files/read-public-image";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

// Served from Herald's own origin, so the bytes must never be taken for a page: no sniffing, no scripts.
const SAFETY = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'",
  "cross-origin-resource-policy": "cross-origin",
};

const notFound = () =>
  new Response("Not found", { status: 404, headers: { ...SAFETY, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /files/{fileId}/{filename}: a builder image, with no session, since mail clients and their
 * image proxies fetch anonymously. Only images are served; attachments and unknown ids are 404.
 * A file's bytes never change under its id, so caches may keep it for a year.
 */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string; filename: string }> }) {
  const { fileId } = await params;
  let image;
  try {
    image = await readPublicImage({ fileId });
  } catch (error) {
    logger.error({ err: error, fileId }, "public image could not be read");
    return new Response("The image could not be read", { status: 500, headers: { ...SAFETY, "cache-control": "no-store" } });
  }
  if (!image) return notFound();

  const { file, body } = image;
  const etag = `"${file.sha256}"`;
  const headers = {
    ...SAFETY,
    "content-type": file.contentType,
    "cache-control": "public, max-age=31536000, immutable",
    etag,
    "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    body.destroy();
    return new Response(null, { status: 304, headers });
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: { ...headers, "content-length": String(file.sizeBytes) },
  });
}
