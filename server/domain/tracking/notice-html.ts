import { escapeHtml } from "@/server/domain/content/render/html-escape";
import { isPreviewToken } from "./message-token";

const WHAT = {
  c: "takes the recipient to the link and counts the click",
  v: "shows the message in the browser",
} as const;

/** No scripts, nothing from elsewhere: these pages are reached from email, with a credential in the URL. */
export const NOTICE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-robots-tag": "noindex",
} as const;

/**
 * The dead end of a route handler behind a link in an email (click redirects, view in browser): the
 * same words as the pages' PreviewLinkNotice, as a self-contained document (route handlers have no layout).
 */
export const linkNoticeResponse = (kind: keyof typeof WHAT, token: string): Response => {
  const preview = isPreviewToken(token);
  const title = preview ? "This link came from a preview" : "This link is not valid";
  const text = preview
    ? `It was in a preview or a test message, so it does nothing. In a real send, it ${WHAT[kind]}.`
    : "It may have been copied incompletely, or it has expired.";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Herald</title>
<style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a}main{max-width:28rem;margin:1rem;padding:1.5rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;box-shadow:0 1px 2px rgb(0 0 0/.05)}h1{margin:0;font-size:1.125rem}p{margin:.5rem 0 0;font-size:.875rem;color:#475569;line-height:1.5}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
  return new Response(html, { status: preview ? 200 : 404, headers: NOTICE_HEADERS });
};
