import { bufferMessageEvent } from "@/server/domain/tracking/event-buffer";
import { readMessageToken } from "@/server/domain/tracking/message-token";

export const dynamic = "force-dynamic";

/** A 1×1 GIF89a whose one pixel is transparent (43 bytes: two-colour table, transparency extension). */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");

const PIXEL_HEADERS = {
  "content-type": "image/gif",
  "content-length": String(PIXEL.length),
  "cache-control": "no-store, no-cache, must-revalidate, private",
  "referrer-policy": "no-referrer",
} as const;

/**
 * GET /o/<token>: the open pixel. Always the GIF, whatever the token (a broken image in the reader's
 * mail would help no one); only tokens this server issued are counted, in the next buffered batch.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const messageId = readMessageToken(token);
  if (messageId) bufferMessageEvent({ messageId, kind: "opened", occurredAt: new Date() });
  return new Response(new Uint8Array(PIXEL), { status: 200, headers: PIXEL_HEADERS });
}
