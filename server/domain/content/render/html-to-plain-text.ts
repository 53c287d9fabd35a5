import { convert } from "html-to-text";

/**
 * The plain-text part generated from the HTML body. MJML lays mail out in tables, so tables, rows and
 * cells read as blocks rather than as data grids; images are dropped (their alt text is rarely prose).
 */
export const htmlToPlainText = (html: string): string =>
  convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "table", format: "block" },
      { selector: "tr", format: "block" },
      { selector: "td", format: "block" },
      { selector: "th", format: "block" },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
      { selector: "div.herald-preheader", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
    ],
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
