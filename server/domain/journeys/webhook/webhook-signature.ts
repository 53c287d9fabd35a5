import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * X-Herald-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, the scheme
 * Stripe made familiar. The timestamp is signed with the body, so a receiver that also refuses old
 * timestamps (5 minutes is usual) is safe from replays; X-Herald-Delivery names the step
 * (`<run id>-<node id>-<step>`) and is the same on every retry, so receivers can de-duplicate.
 */
export const signWebhook = (secret: string, body: string, at: Date): string => {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
};

/** What a receiver does (and the tests): true if `header` signs `body` with `secret` within `toleranceSeconds` of `now`. */
export const verifyWebhookSignature = (secret: string, body: string, header: string, { now = new Date(), toleranceSeconds = 300 } = {}): boolean => {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"));
};
