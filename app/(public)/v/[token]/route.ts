import { env } from "@/server/env";
import { isPreviewToken } from "@/server/domain/tracking/message-token";
import { linkNoticeResponse } from "@/server/domain/tracking/notice-html";
import { renderBrowserView } from "@/server/domain/tracking/render-browser-view";

export const dynamic = "force-dynamic";

/**
 * Marketing HTML from the workspace's template and contact data, on Herald's own origin: no script may
 * run (the renderer strips them; this forbids any that slipped through, and inline handlers), no form
 * posts anywhere, no framing, and no Referer carrying the token to the images' hosts.
 */
const VIEW_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "private, no-store",
  "content-security-policy":
    "default-src 'none'; script-src 'none'; img-src http: https: data:; style-src 'unsafe-inline' http: https:; font-src http: https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-robots-tag": "noindex",
} as const;

/** GET /v/<token>: the campaign email as its recipient got it, served as the page itself. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (isPreviewToken(token)) return linkNoticeResponse("v", token);
  const rendered = await renderBrowserView({ token, appUrl: env().APP_URL.replace(/\/$/, "") });
  if (!rendered) return linkNoticeResponse("v", token);
  return new Response(rendered.html, { status: 200, headers: VIEW_HEADERS });
}
