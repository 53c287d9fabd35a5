import { createPrivateKey, createSign, sign as signAsyncCallback, type KeyObject } from "node:crypto";
import { domainToASCII } from "node:url";
import { hashRelaxedBody, parseHeaderFields, relaxedHeader, type HeaderField } from "./canonicalize";

/**
 * Headers signed when present, in this order. Together they are what a receiver shows or acts on
 * (From, Subject, one-click unsubscribe) and what would let a replayed message be altered.
 */
export const DKIM_SIGNED_HEADERS = [
  "from",
  "to",
  "subject",
  "date",
  "message-id",
  "mime-version",
  "content-type",
  "list-unsubscribe",
  "list-unsubscribe-post",
  "reply-to",
  "feedback-id",
] as const;

/**
 * Named once more in h= than they occur (RFC 6376 §8.15 "over-signing"): a verifier then treats a
 * From or Subject added after signing as part of the signed set, so the signature breaks instead of
 * the receiver showing the added one.
 */
const OVERSIGNED = ["from", "subject"];

export type DkimSignerOptions = {
  /** The signing domain (d=), e.g. "acme.com"; a Unicode name is signed in its ASCII (A-label) form. */
  domain: string;
  /** The selector (s=): the key is published at `<selector>._domainkey.<domain>`. */
  selector: string;
  /** An RSA private key in PEM (PKCS#8 or PKCS#1), as sending_domains.dkim_private_key stores it. */
  privateKeyPem: string;
  /** Header names to sign when present, case-insensitive; DKIM_SIGNED_HEADERS by default. From is always signed. */
  headerNames?: readonly string[];
};

export type DkimSigner = {
  /** The message with a DKIM-Signature header prepended. Blocks the thread for the RSA operation (~0.3 ms). */
  sign: (rawMessage: string) => string;
  /**
   * The same result, with the RSA operation on libuv's thread pool: the calling thread pays only for
   * hashing, so an event loop that also talks SMTP keeps moving while signatures are computed in parallel.
   */
  signAsync: (rawMessage: string) => Promise<string>;
  domain: string;
  selector: string;
};

const SELECTOR = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

const loadRsaKey = (pem: string): KeyObject => {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== "rsa") throw new Error(`DKIM keys must be RSA (rsa-sha256); this one is ${key.asymmetricKeyType}`);
  // RFC 8301: verifiers must reject RSA keys under 1024 bits.
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 1024) throw new Error("DKIM RSA keys must be at least 1024 bits");
  return key;
};

/** Folds a colon-separated list (the h= tag) after colons, so no line passes 78 characters. */
const foldList = (items: string[], firstLineUsed: number) => {
  let out = "";
  let line = firstLineUsed;
  items.forEach((item, index) => {
    const piece = index < items.length - 1 ? `${item}:` : item;
    if (line + piece.length > 76) {
      out += "\r\n  ";
      line = 2;
    }
    out += piece;
    line += piece.length;
  });
  return out;
};

/** The base64 signature in lines of 72; verifiers drop whitespace inside b= (RFC 6376 §3.5). */
const foldBase64 = (b64: string) => {
  let out = b64.slice(0, 72);
  for (let i = 72; i < b64.length; i += 72) out += `\r\n  ${b64.slice(i, i + 72)}`;
  return out;
};

/**
 * Prepares once per sending domain (key parsed into a KeyObject, constant tags written), then signs
 * each message: rsa-sha256, relaxed/relaxed, with the signed headers found in that message.
 * Messages must use CRLF line ends, as build-mime.ts writes them; they are hashed as UTF-8.
 */
export const prepareDkimSigner = ({ domain, selector, privateKeyPem, headerNames = DKIM_SIGNED_HEADERS }: DkimSignerOptions): DkimSigner => {
  const d = domainToASCII(domain.trim().replace(/\.$/, "").toLowerCase());
  if (!d || !d.includes(".")) throw new Error(`"${domain}" is not a domain DKIM can sign for`);
  if (!SELECTOR.test(selector)) throw new Error(`"${selector}" is not a valid DKIM selector`);
  const key = loadRsaKey(privateKeyPem);
  const names = [...new Set(["from", ...headerNames.map((name) => name.trim().toLowerCase())])].filter(Boolean);
  const wanted = new Set(names);
  // Only names that are signed anyway: an extra "subject" in h= while Subject is unsigned would sign it half-way.
  const oversigned = OVERSIGNED.filter((name) => wanted.has(name));
  const fixedTags = `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=${d}; s=${selector}; t=`;

  /** Everything but the RSA operation: the header to prepend (ending in "b=") and the bytes to sign. */
  const prepare = (raw: string) => {
    const split = raw.indexOf("\r\n\r\n");
    const head = split === -1 ? raw : raw.slice(0, split + 2);
    const bodyHash = hashRelaxedBody(split === -1 ? "" : raw.slice(split + 4));

    const found = new Map<string, HeaderField[]>();
    for (const field of parseHeaderFields(head)) {
      if (!wanted.has(field.name)) continue;
      const same = found.get(field.name);
      if (same) same.push(field);
      else found.set(field.name, [field]);
    }
    if (!found.has("from")) throw new Error("Cannot DKIM-sign a message without a From header");
    const signed: string[] = [];
    let canonical = "";
    for (const name of names) {
      const fields = found.get(name);
      if (!fields) continue;
      // A verifier takes same-named fields from the bottom up (§5.4.2), so list them that way.
      for (let i = fields.length - 1; i >= 0; i--) {
        signed.push(name);
        canonical += relaxedHeader(fields[i]!);
      }
    }
    signed.push(...oversigned);

    const tags = `${Math.floor(Date.now() / 1000)};\r\n h=`;
    const header = `${fixedTags}${tags}${foldList(signed, 3)};\r\n bh=${bodyHash};\r\n b=`;
    // The signature covers its own header with b= empty, canonicalized the same way, without the final CRLF.
    const own = relaxedHeader({ name: "dkim-signature", raw: header });
    return { header, data: canonical + own.slice(0, -2) };
  };

  const finish = (header: string, signature: string, raw: string) => `${header}${foldBase64(signature)}\r\n${raw}`;

  return {
    domain: d,
    selector,
    sign: (raw) => {
      const { header, data } = prepare(raw);
      return finish(header, createSign("sha256").update(data).sign(key, "base64"), raw);
    },
    signAsync: (raw) =>
      new Promise((resolve, reject) => {
        const { header, data } = prepare(raw);
        signAsyncCallback("sha256", Buffer.from(data), key, (error, signature) =>
          error ? reject(error) : resolve(finish(header, signature.toString("base64"), raw)),
        );
      }),
  };
};
