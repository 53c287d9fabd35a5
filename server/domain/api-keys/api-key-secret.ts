import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "hrld_";

/** `hrld_` + 256 random bits. The prefix lets secret scanners (and people) recognise a Herald key. */
export const newApiKeySecret = () => {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, 12), keyHash: hashApiKey(secret) };
};

export const hashApiKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

export const looksLikeApiKey = (value: string) => value.startsWith(KEY_PREFIX) && value.length > 20;
