import { createHmac, timingSafeEqual } from "node:crypto";
import type { TemplateLink } from "@/server/domain/content/render/links";
import type { RenderHooks } from "@/server/domain/content/render/pieces";
import { purposeKey } from "./message-token";

export type TrackingUrls = {
  openPixel: string;
  /** The confirmation page: a GET never unsubscribes (link scanners prefetch). */
  unsubscribe: string;
  /** For `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058): POST unsubscribes at once. */
  oneClickUnsubscribe: string;
  preferences: string;
  viewInBrowser: string;
  /**
   * The href to send for a tracked link. `renderedHref` is the rendered attribute value (HTML-encoded,
   * as the renderer hands it to `rewriteLink`); `templateHref` is the same link in the template
   * (`CompiledEmail.links[index].href`), or null when there is no campaign snapshot to look it up in.
   * The result is attribute-encoded too.
   */
  click: (index: number, renderedHref: string, templateHref: string | null) => string;
};

const SIGNATURE_BYTES = 12;

/** Pure and cheap: string joins, plus one HMAC only for links whose href Liquid personalised. */
export const trackingUrls = (appUrl: string, token: string): TrackingUrls => {
  const base = appUrl.endsWith("/") ? appUrl.slice(0, -1) : appUrl;
  return {
    openPixel: `${base}/o/${token}`,
    unsubscribe: `${base}/u/${token}`,
    oneClickUnsubscribe: `${base}/api/u/${token}`,
    preferences: `${base}/p/${token}`,
    viewInBrowser: `${base}/v/${token}`,
    click: (index, renderedHref, templateHref) => clickUrl(base, token, index, renderedHref, templateHref),
  };
};

/** The merge scope's special links (buildMergeScope's `links`). */
export const mergeLinks = (urls: TrackingUrls) => ({
  unsubscribeUrl: urls.unsubscribe,
  preferencesUrl: urls.preferences,
  viewInBrowserUrl: urls.viewInBrowser,
});

/** The renderer's hook for a message: each tracked link through `urls.click`. */
export const clickTrackingHooks = (urls: TrackingUrls, links: readonly TemplateLink[]): RenderHooks => ({
  // A null index never names a template link, so there is nothing to count it against.
  rewriteLink: (href, index) => (index === null ? href : urls.click(index, href, links[index]?.href ?? null)),
});

/** Per-message header; `List-Unsubscribe-Post: List-Unsubscribe=One-Click` goes with it on every message. */
export const listUnsubscribeHeader = (urls: TrackingUrls) => `<${urls.oneClickUnsubscribe}>`;
export const LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";

const HTTP_PREFIX = /^\s*https?:\/\//i;
const NOT_SAFE_TO_SEND = /^\s*(?:javascript|vbscript|data):/i;

const clickUrl = (base: string, token: string, index: number, renderedHref: string, templateHref: string | null) => {
  if (templateHref !== null && renderedHref === templateHref) {
    // The campaign's own link: the redirect looks it up in the snapshot, so nothing needs signing.
    return HTTP_PREFIX.test(renderedHref) ? `${base}/c/${token}/${index}` : renderedHref;
  }
  const decoded = decodeAttribute(renderedHref);
  const target = httpTarget(decoded);
  // Contact data made this href; only http(s) is tracked, and script or data URLs are not sent at all.
  if (!target) return NOT_SAFE_TO_SEND.test(decoded) ? "#" : renderedHref;
  return `${base}/c/${token}/${index}?u=${Buffer.from(target).toString("base64url")}&amp;s=${clickSignature(token, index, target)}`;
};

const clickSignature = (token: string, index: number, url: string) =>
  createHmac("sha256", purposeKey("click-url:v1")).update(`${token}|${index}|${url}`).digest().subarray(0, SIGNATURE_BYTES).toString("base64url");

/**
 * The target of a personalised click link (`u`, `s` from its query), or null unless this server signed
 * exactly this URL for exactly this message and link: the redirect is never an open redirect.
 */
export const readSignedClickTarget = (token: string, index: number, u: string, s: string): string | null => {
  if (!/^[A-Za-z0-9_-]+$/.test(u) || !/^[A-Za-z0-9_-]{16}$/.test(s)) return null;
  const bytes = Buffer.from(u, "base64url");
  // Base64 has spellings that decode alike; only the one this server wrote is accepted.
  if (bytes.toString("base64url") !== u) return null;
  const url = bytes.toString("utf8");
  const expected = Buffer.from(clickSignature(token, index, url), "base64url");
  const given = Buffer.from(s, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return httpTarget(url);
};

/** An absolute http(s) URL, normalised (so it is a valid Location header), or null. */
export const httpTarget = (href: string): string | null => {
  if (!HTTP_PREFIX.test(href)) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * An href attribute's value as the browser will follow it. The renderer escapes with `&amp;`, `&#34;`,
 * `&#39;`, `&lt;`, `&gt;`; authors write `&amp;`. Other named entities in a URL are left as they are.
 */
export const decodeAttribute = (value: string): string => {
  if (!value.includes("&")) return value;
  return value.replace(ENTITY, (whole, decimal?: string, hex?: string, named?: string) => {
    if (named) return NAMED[named]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
};
