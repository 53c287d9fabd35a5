import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";

const generateRsa = promisify(generateKeyPair);

export type DkimKeyPair = {
  /** PKCS#8 PEM: what prepareDkimSigner takes. A secret. */
  privateKeyPem: string;
  /** The SubjectPublicKeyInfo in base64 (DER), exactly the p= value of the DNS record. */
  publicKey: string;
};

/**
 * A fresh RSA-2048 pair. 2048 bits is what RFC 8301 recommends and what every large receiver
 * accepts; generated off the event loop (it takes tens of milliseconds).
 */
export const generateDkimKeyPair = async (): Promise<DkimKeyPair> => {
  const { privateKey, publicKey } = await generateRsa("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKey: publicKey.toString("base64") };
};

/** The TXT record's text at `<selector>._domainkey.<domain>`. */
export const dkimRecordValue = (publicKey: string) => `v=DKIM1; k=rsa; p=${publicKey}`;

/**
 * The same text cut into the 255-byte strings one TXT record is made of (RFC 1035 §3.3.14), for DNS
 * hosts that want them written out as `"..." "..."`; resolvers join them back into one value.
 */
export const txtChunks = (value: string) => value.match(/.{1,255}/g) ?? [];
