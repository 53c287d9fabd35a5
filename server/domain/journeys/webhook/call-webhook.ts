import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { WebhookTarget } from "./resolve-webhook-target";
import { signWebhook } from "./webhook-signature";

export type WebhookCallResult =
  | { kind: "ok"; status: number }
  /** Worth trying again later: 408, 429, 5xx, a timeout, a refused or dropped connection. */
  | { kind: "retry"; status: number | null; reason: string }
  /** Trying again would not help: other 4xx, a redirect (not followed). */
  | { kind: "failed"; status: number; reason: string };

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One signed webhook request, connected to the addresses resolveWebhookTarget checked and to nothing
 * else: the socket's lookup answers from that list, so the Host header and TLS SNI/certificate name
 * stay the URL's host while no second DNS query is made. Redirects are returned, never followed. The
 * timeout covers the whole exchange, from connecting to the end of the (discarded) response body.
 */
export const callWebhook = ({
  target,
  method,
  body,
  secret,
  deliveryId,
  timeoutMs,
  now = new Date(),
}: {
  target: WebhookTarget;
  method: "POST" | "PUT";
  body: string;
  secret: string;
  deliveryId: string;
  timeoutMs: number;
  now?: Date;
}): Promise<WebhookCallResult> =>
  new Promise((resolve) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      const family = typeof options === "object" ? options.family : undefined;
      const usable = target.addresses.filter((a) => !family || a.family === family);
      if (usable.length === 0) return callback(Object.assign(new Error("no checked address of that family"), { code: "ENOTFOUND" }), "", 4);
      if (typeof options === "object" && options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      const first = usable.find((a) => a.family === 4) ?? usable[0]!;
      callback(null, first.address, first.family);
    };
    const { url } = target;
    const client = url.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (result: WebhookCallResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: target.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method,
        lookup: pinned,
        agent: false,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "Herald-Webhook/1",
          "X-Herald-Signature": signWebhook(secret, body, now),
          "X-Herald-Delivery": deliveryId,
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => {
          if (status >= 200 && status < 300) finish({ kind: "ok", status });
          else if (status === 408 || status === 429 || status >= 500) finish({ kind: "retry", status, reason: `the receiver answered ${status}` });
          else if (status >= 300 && status < 400) finish({ kind: "failed", status, reason: `the receiver answered ${status} (a redirect, which is not followed)` });
          else finish({ kind: "failed", status, reason: `the receiver answered ${status}` });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: "retry", status: null, reason: `no answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "retry", status: null, reason: `could not call the receiver: ${error.code ?? error.message}` }));
    request.end(body);
  });
