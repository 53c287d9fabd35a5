import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/server/env";

/**
 * A message's token: the 16 bytes of its id and a 10-byte truncated HMAC-SHA256 of them, base64url,
 * 35 characters. It is the only credential of the recipient-facing pages (unsubscribe, preferences,
 * view in browser) and of opens and clicks, so it must not be guessable from another message's id,
 * yet cost the sender one HMAC per message. 80 bits of MAC is plenty against online guessing.
 */
export const MESSAGE_TOKEN_LENGTH = 35;

const ID_BYTES = 16;
const MAC_BYTES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{35}$/;

type DerivedKey = { secret: string; key: Buffer };
const keys = new Map<string, DerivedKey>();

/**
 * A key for one purpose, derived from BETTER_AUTH_SECRET once per process: the sessions' secret itself
 * never signs links, and a click signature can never pass for a message token.
 */
export const purposeKey = (purpose: string): Buffer => {
  const secret = env().BETTER_AUTH_SECRET;
  const cached = keys.get(purpose);
  if (cached && cached.secret === secret) return cached.key;
  const key = createHmac("sha256", secret).update(`herald:${purpose}`).digest();
  keys.set(purpose, { secret, key });
  return key;
};

const mac = (idBytes: Buffer) => createHmac("sha256", purposeKey("message-token:v1")).update(idBytes).digest().subarray(0, MAC_BYTES);

export const messageToken = (messageId: string): string => {
  if (!UUID.test(messageId)) throw new Error(`messageToken: not a uuid: ${messageId}`);
  const idBytes = Buffer.from(messageId.replace(/-/g, ""), "hex");
  return Buffer.concat([idBytes, mac(idBytes)], ID_BYTES + MAC_BYTES).toString("base64url");
};

/** The message id a token stands for, or null for anything this server did not issue (forged, cut short, altered). */
export const readMessageToken = (token: unknown): string | null => {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  // 35 characters carry 2 bits more than 26 bytes; only the canonical spelling is accepted.
  if (bytes.length !== ID_BYTES + MAC_BYTES || bytes.toString("base64url") !== token) return null;
  const idBytes = bytes.subarray(0, ID_BYTES);
  if (!timingSafeEqual(mac(idBytes), bytes.subarray(ID_BYTES))) return null;
  const hex = idBytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Previews and test sends carry `/u/preview…` stand-ins (see load-preview-scope.ts): pages explain them instead of failing. */
export const isPreviewToken = (token: string) => token.startsWith("preview");
