/**
 * The links of an HTML body, found once per compile. Each href is swapped for a marker so the renderer
 * can hand it to a click-tracking rewriter per message. Links that must reach their target untouched
 * (unsubscribe and preference pages, view-in-browser, mailto:, tel:, in-page anchors) or that the author
 * opted out with `data-herald-track="off"` keep their marker-free href.
 */
export type TemplateLink = { index: number; href: string; text: string };

const ANCHOR = /<a\b([^>]*?\shref\s*=\s*)(["'])([\s\S]*?)\2([^>]*)>([\s\S]*?)<\/a>/gi;
const UNTRACKED_HREF = /^\s*(?:mailto:|tel:|sms:|#|\{\{\s*(?:unsubscribe_url|preferences_url|view_in_browser_url)\s*\}\})/i;
const OPT_OUT = /\bdata-herald-track\s*=\s*["']?off/i;

export const markLinks = (html: string): { html: string; links: TemplateLink[] } => {
  const links: TemplateLink[] = [];
  const marked = html.replace(ANCHOR, (whole, before: string, quote: string, href: string, after: string, inner: string) => {
    if (UNTRACKED_HREF.test(href) || OPT_OUT.test(before) || OPT_OUT.test(after) || href.includes("\u0001")) return whole;
    const index = links.length;
    links.push({ index, href, text: inner.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim().slice(0, 200) });
    // Double quotes whatever the author used: the rewriter and the slow path both look for href="...".
    return `<a${before}"\u0001${index}\u0001"${after}>${inner}</a>`;
  });
  return { html: marked, links };
};
