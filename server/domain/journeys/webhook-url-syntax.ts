/**
 * What can be said about a webhook URL from its text alone: it is http(s), and its host is not a
 * private, loopback or link-local address or name written literally (in any of the forms a URL
 * parser or a resolver accepts: 2130706433, 0x7f.1, 0177.0.0.1, [::ffff:127.0.0.1]...). Pure, so
 * the editor flags it as the marketer types. A public-looking name can still resolve to a private
 * address: the webhook executor checks the resolved addresses again at call time
 * (server/domain/journeys/webhook/), with `privateAddressReason` (server/net/private-address.ts).
 */

import { parseIPv4, parseIPv6, privateAddressReason } from "@/server/net/private-address";

export { privateAddressReason };

export type WebhookUrlProblem = { code: "webhook_url_empty" | "webhook_url_invalid" | "webhook_url_scheme" | "webhook_url_private"; message: string };

/** Names that mean this machine or the local link whatever DNS says. */
const privateNameReason = (host: string): string | null => {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost") || name === "localhost.localdomain") return "this machine (localhost)";
  if (name.endsWith(".local")) return "a link-local (.local, mDNS) name";
  if (name === "" || !name.includes(".")) return "a name without a domain, which only resolves on a local network";
  return null;
};

/** The first thing wrong with `url` as a webhook target, judged from its text; null when it may be called. */
export const webhookUrlSyntaxProblem = (url: string): WebhookUrlProblem | null => {
  const text = url.trim();
  if (!text) return { code: "webhook_url_empty", message: "Enter the URL to call" };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { code: "webhook_url_invalid", message: `“${text.slice(0, 100)}” is not a URL; expected one such as https://example.com/hooks/herald` };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return { code: "webhook_url_scheme", message: `Webhooks call http:// or https:// URLs, not ${parsed.protocol}//` };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  // The URL parser already turned 2130706433, 0x7f.1 and friends into dotted IPv4; parseIPv4 covers the rest.
  const reason = parseIPv4(host) !== null || parseIPv6(host) ? privateAddressReason(host) : privateNameReason(host);
  if (reason) return { code: "webhook_url_private", message: `The webhook URL points at ${reason}; Herald only calls public addresses` };
  return null;
};
