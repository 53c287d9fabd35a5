import { bufferMessageEvent } from "@/server/domain/tracking/event-buffer";
import { linkNoticeResponse } from "@/server/domain/tracking/notice-html";
import { resolveClick } from "@/server/domain/tracking/resolve-click";

export const dynamic = "force-dynamic";

/**
 * GET /c/<token>/<index>[?u=…&s=…]: counts the click and redirects (302) to the campaign's link, or to
 * the personalised URL this server signed for the message. Anything else is a 404 page: the route is
 * never an open redirect.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; index: string }> }) {
  const { token, index } = await params;
  const query = new URL(request.url).searchParams;
  const click = await resolveClick({ token, index, u: query.get("u"), s: query.get("s") });
  if (!click) return linkNoticeResponse("c", token);
  bufferMessageEvent({ messageId: click.messageId, kind: "clicked", occurredAt: new Date(), link: { index: click.index, url: click.url } });
  return new Response(null, { status: 302, headers: { location: click.url, "cache-control": "no-store" } });
}
