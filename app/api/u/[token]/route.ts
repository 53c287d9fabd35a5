import { isPreviewToken } from "@/server/domain/tracking/message-token";
import { unsubscribeRecipient } from "@/server/domain/tracking/change-subscription";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

const TEXT = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } as const;

/**
 * POST /api/u/<token>: RFC 8058 one-click unsubscribe, the URL in List-Unsubscribe. Mail providers
 * POST `List-Unsubscribe=One-Click` without cookies or any CSRF token: the token in the path is the
 * credential. Answers 200 whether or not the recipient was still subscribed, so retries are harmless.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Test sends carry stand-in links: a provider acting on one gets a success with nothing to do.
  if (isPreviewToken(token)) return new Response("Nothing to unsubscribe: this came from a test message.\n", { status: 200, headers: TEXT });
  try {
    const result = await unsubscribeRecipient({ token, via: "one_click" });
    if (!result) return new Response("Not found.\n", { status: 404, headers: TEXT });
    return new Response("Unsubscribed.\n", { status: 200, headers: TEXT });
  } catch (error) {
    logger.error({ err: error }, "one-click unsubscribe failed");
    return new Response("Could not unsubscribe; please try again.\n", { status: 500, headers: TEXT });
  }
}

/**
 * Never unsubscribes on GET: link scanners and prefetchers follow every URL they see. A mail client
 * without one-click support opens this URL in a browser, so GET leads to the page at /u/<token>,
 * which asks first.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { location: new URL(`/u/${encodeURIComponent(token)}`, request.url).toString(), "cache-control": "no-store" } });
}
