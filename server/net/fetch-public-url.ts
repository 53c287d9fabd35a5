import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { privateAddressReason } from "./private-address";

/**
 * Fetching a URL that a workspace typed in (a Do-Not-Call list's source, later webhooks) from inside
 * the network Herald runs in. Without care this is a server-side request forgery hole: the URL could
 * name the cloud metadata service, the database, or the admin port of something on the LAN. So only
 * http(s), and every address a name resolves to is checked at connect time (a name that resolves to a
 * public address when saved and to 127.0.0.1 when fetched is still refused), redirects included.
 * HERALD_ALLOW_PRIVATE_URLS=1 lifts the address check, for tests and for lists served on a LAN.
 */

export class UrlRefusedError extends Error {
  override name = "UrlRefusedError";
}

/** A failure the next attempt may not repeat (timeouts, resets, 5xx), as opposed to a refusal. */
export class FetchFailedError extends Error {
  override name = "FetchFailedError";
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export const allowPrivateUrls = () => process.env.HERALD_ALLOW_PRIVATE_URLS === "1";

/** True for loopback, private, link-local and other addresses that are not on the public internet, or not an address. */
export const isPrivateAddress = (address: string): boolean => isIP(address) === 0 || privateAddressReason(address) !== null;

/**
 * The URL if it may be fetched, or a reason it may not (for forms: checked when saved, and again,
 * with DNS, when fetched).
 */
export const checkPublicUrl = (raw: string, allowPrivate = allowPrivateUrls()): { ok: true; url: URL } | { ok: false; reason: string } => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Enter a full URL, starting with https://" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "Only http:// and https:// URLs can be fetched" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate) {
    if (isIP(host) && isPrivateAddress(host)) return { ok: false, reason: "This address is on a private network, which Herald does not fetch from" };
    if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
      return { ok: false, reason: "This host is on a private network, which Herald does not fetch from" };
    }
  }
  return { ok: true, url };
};

/** dns.lookup that refuses private addresses, used by the socket itself so nothing resolves twice. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) {
      return callback(new UrlRefusedError(`${hostname} resolves to a private address (${refused.address}), which Herald does not fetch from`), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

export type FetchPublicUrlOptions = {
  signal?: AbortSignal;
  /** Longest silence on the socket before giving up (the overall limit is the caller's signal). */
  idleTimeoutMs?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
  headers?: Record<string, string>;
};

const request = (url: URL, options: FetchPublicUrlOptions, allowPrivate: boolean) =>
  new Promise<IncomingMessage>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "GET",
        signal: options.signal,
        lookup: allowPrivate ? undefined : publicOnlyLookup,
        headers: { "user-agent": "Herald (+https://github.com/herald)", "accept-encoding": "gzip, deflate, br", ...options.headers },
      },
      resolve,
    );
    req.setTimeout(options.idleTimeoutMs ?? 60_000, () => req.destroy(new FetchFailedError("The server stopped responding", true)));
    req.on("error", reject);
    req.end();
  });

const decode = (response: IncomingMessage): Readable => {
  const encoding = String(response.headers["content-encoding"] ?? "").toLowerCase();
  const decoder =
    encoding === "gzip" ? zlib.createGunzip() : encoding === "deflate" ? zlib.createInflate() : encoding === "br" ? zlib.createBrotliDecompress() : null;
  if (!decoder) return response;
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
};

/**
 * GETs a URL that must be public, following up to `maxRedirects` redirects (each checked), and
 * returns the decoded body as a stream once the server has answered 200. Anything else throws:
 * UrlRefusedError for addresses Herald will not fetch, FetchFailedError for HTTP and network failures.
 */
export const fetchPublicUrl = async (raw: string, options: FetchPublicUrlOptions = {}): Promise<Readable> => {
  const allowPrivate = options.allowPrivate ?? allowPrivateUrls();
  let current = raw;
  for (let redirects = 0; ; redirects++) {
    const checked = checkPublicUrl(current, allowPrivate);
    if (!checked.ok) throw new UrlRefusedError(checked.reason);
    let response: IncomingMessage;
    try {
      response = await request(checked.url, options, allowPrivate);
    } catch (error) {
      if (error instanceof UrlRefusedError || error instanceof FetchFailedError) throw error;
      if ((error as Error).name === "AbortError") throw new FetchFailedError("The download took too long and was stopped", true);
      throw new FetchFailedError(`Could not connect to ${checked.url.host}: ${(error as Error).message}`, true);
    }
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= (options.maxRedirects ?? 5)) throw new FetchFailedError("Too many redirects", false);
      current = new URL(response.headers.location, checked.url).toString();
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new FetchFailedError(`The server answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`, status >= 500 || status === 429);
    }
    return decode(response);
  }
};
