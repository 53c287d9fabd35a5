import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isPreviewToken, MESSAGE_TOKEN_LENGTH, messageToken, readMessageToken } from "./message-token";

const flip = (token: string, at: number) => {
  const chars = [...token];
  chars[at] = chars[at] === "A" ? "B" : "A";
  return chars.join("");
};

describe("message tokens", () => {
  it("round-trips a message id through a 35-character URL-safe token", () => {
    for (let i = 0; i < 50; i++) {
      const id = randomUUID();
      const token = messageToken(id);
      expect(token).toMatch(/^[A-Za-z0-9_-]{35}$/);
      expect(token).toHaveLength(MESSAGE_TOKEN_LENGTH);
      expect(readMessageToken(token)).toBe(id);
    }
    expect(readMessageToken(messageToken("0193A4B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B"))).toBe("0193a4b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
  });

  it("differs per message and is the same each time for one message", () => {
    const id = randomUUID();
    expect(messageToken(id)).toBe(messageToken(id));
    expect(messageToken(randomUUID())).not.toBe(messageToken(id));
  });

  it("rejects a token with any character changed, in the id or in the MAC", () => {
    const token = messageToken(randomUUID());
    for (let at = 0; at < token.length; at++) expect(readMessageToken(flip(token, at))).toBeNull();
  });

  it("rejects a non-canonical spelling of the same bytes (the last character's spare bits)", () => {
    const token = messageToken(randomUUID());
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(token.at(-1)!);
    for (let spare = 1; spare < 4; spare++) {
      const variant = token.slice(0, -1) + alphabet[last ^ spare];
      expect(Buffer.from(variant, "base64url").equals(Buffer.from(token, "base64url"))).toBe(true);
      expect(readMessageToken(variant)).toBeNull();
    }
  });

  it("rejects truncated, extended, garbled and non-string tokens", () => {
    const token = messageToken(randomUUID());
    for (const bad of [token.slice(0, -1), token.slice(1), `${token}A`, `${token}=`, token.replace(/./, "+"), "", "preview0000000000000000000000", " ".repeat(35), "%".repeat(35), null, undefined, 42, {}]) {
      expect(readMessageToken(bad)).toBeNull();
    }
  });

  it("cannot be forged for another message id without the secret", () => {
    const token = messageToken(randomUUID());
    const mac = Buffer.from(token, "base64url").subarray(16);
    const otherId = Buffer.from(randomUUID().replace(/-/g, ""), "hex");
    expect(readMessageToken(Buffer.concat([otherId, mac]).toString("base64url"))).toBeNull();
  });

  it("refuses to mint a token for something that is not a uuid", () => {
    expect(() => messageToken("not-a-uuid")).toThrow();
  });

  it("recognises the previews' stand-in tokens", () => {
    expect(isPreviewToken("preview0000000000000000000000")).toBe(true);
    expect(isPreviewToken(messageToken(randomUUID()))).toBe(false);
  });
});
