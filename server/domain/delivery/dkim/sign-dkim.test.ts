import { createHash, generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMime, prepareMime, type MimeAttachment } from "@/server/domain/content/render/build-mime";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { hashRelaxedBody } from "./canonicalize";
import { dkimRecordValue, generateDkimKeyPair, type DkimKeyPair } from "./dkim-keys";
import { prepareDkimSigner, type DkimSigner } from "./sign-dkim";

// mailauth (Postal Systems' verifier, used by EmailEngine and WildDuck) is the independent judge here:
// a signature only counts as right when a verifier we did not write says "pass".
type DkimVerify = (message: string, options: { resolver: (name: string, type: string) => Promise<string[][]> }) => Promise<{
  results: { status: { result: string; comment?: string }; info: string; signingHeaders?: { keys: string } }[];
}>;
const { dkimVerify } = createRequire(import.meta.url)("mailauth/lib/dkim/verify") as { dkimVerify: DkimVerify };

const DOMAIN = "news.example.com";
const SELECTOR = "herald202611";

let keys: DkimKeyPair;
let signer: DkimSigner;
const lookups: string[] = [];

/** A DNS that publishes our key where the selector says, exactly as dnsRecordsFor tells people to. */
const verify = async (message: string) => {
  const { results } = await dkimVerify(message, {
    resolver: async (name, type) => {
      lookups.push(`${type} ${name}`);
      if (type === "TXT" && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[dkimRecordValue(keys.publicKey)]];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: "ENOTFOUND" });
    },
  });
  expect(results).toHaveLength(1);
  return results[0]!;
};

const mjml = (body: string) => `<mjml><mj-body><mj-section><mj-column>${body}</mj-column></mj-section></mj-body></mjml>`;

/** A newsletter as the send path builds it: MJML (indented, so full of space runs), merge tags, special headers. */
const newsletter = async (options: { subject?: string; fromName?: string; attachments?: MimeAttachment[]; liquidTags?: boolean } = {}) => {
  const compiled = await compileEmail({
    subject: options.subject ?? "Hi {{ contact.first_name | default: 'there' }}, your week",
    preheader: "Picked for {{ contact.first_name }}",
    sourceFormat: "mjml",
    source: mjml(`
      <mj-text>Hi {{ contact.first_name }},    here is   the news.</mj-text>
      ${options.liquidTags ? "<mj-text>{% if contact.vip %}VIP{% else %}Regular{% endif %}</mj-text>" : ""}
      <mj-button href="https://shop.example/p?id={{ contact.id }}">Shop</mj-button>
      <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>`),
  });
  const prepared = prepareMime(compiled, {
    from: { email: `news@${DOMAIN}`, name: options.fromName ?? "Retail Weekly" },
    replyTo: `help@${DOMAIN}`,
    headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Feedback-ID": "c1:w1:herald" },
    attachments: options.attachments,
  });
  return buildMime(prepared, {
    to: "reader@example.org",
    toName: "Reader Person",
    messageId: `m1.abc@${DOMAIN}`,
    scope: { contact: { id: "c1", first_name: "Ann", vip: true }, unsubscribe_url: "https://herald.example/u/tok" },
    headers: { "List-Unsubscribe": "<https://herald.example/u/tok>, <mailto:unsubscribe@herald.example?subject=tok>" },
  }).raw;
};

beforeAll(async () => {
  keys = await generateDkimKeyPair();
  signer = prepareDkimSigner({ domain: DOMAIN, selector: SELECTOR, privateKeyPem: keys.privateKeyPem });
});

describe("prepareDkimSigner: signatures an independent verifier (mailauth) accepts", () => {
  it("signs a build-mime newsletter: pass, with the key looked up at <selector>._domainkey.<domain>", async () => {
    const raw = await newsletter();
    const signed = signer.sign(raw);
    expect(signed.endsWith(raw)).toBe(true);
    expect(signed.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=news.example.com; s=herald202611; t=")).toBe(true);
    const result = await verify(signed);
    expect(result.status.result, result.info).toBe("pass");
    expect(lookups).toContain(`TXT ${SELECTOR}._domainkey.${DOMAIN}`);
  });

  it("signs every listed header present, oversigns From and Subject, and keeps lines under 78 characters", async () => {
    const signed = signer.sign(await newsletter());
    const result = await verify(signed);
    const h = /h=([^;]+);/.exec(signed)![1]!.replace(/\s+/g, "").split(":");
    expect(h).toEqual([
      "from", "to", "subject", "date", "message-id", "mime-version", "content-type",
      "list-unsubscribe", "list-unsubscribe-post", "reply-to", "feedback-id", "from", "subject",
    ]);
    expect(result.status.result).toBe("pass");
    const header = signed.slice(0, signed.indexOf("\r\nDate:"));
    for (const line of header.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("signs messages with attachments (multipart/mixed)", async () => {
    const attachments = [
      { filename: "terms.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4 ".repeat(400)) },
      { filename: "prix été.txt", contentType: "text/plain", content: Buffer.from("naïve  café\t\r\n  ") },
    ];
    const raw = await newsletter({ attachments });
    expect(raw).toContain("multipart/mixed");
    expect((await verify(signer.sign(raw))).status.result).toBe("pass");
  });

  it("signs long folded headers and non-ASCII subjects and names (RFC 2047 words on continuation lines)", async () => {
    const longAscii = await newsletter({ subject: "A very long subject line that goes on and on well past seventy-eight characters, so build-mime folds it" });
    expect(longAscii).toMatch(/Subject: A very long[^\r]*\r\n [^\r]+/);
    expect((await verify(signer.sign(longAscii))).status.result).toBe("pass");

    const unicode = await newsletter({ subject: "Ünïcödé — 春のセール 🎉, {{ contact.first_name }}! Ausverkauf – nur heute, wirklich", fromName: "Café Zürich Ödön" });
    expect(unicode).toMatch(/Subject: =\?UTF-8\?B\?[^\r]+\r\n =\?UTF-8\?B\?/);
    expect(unicode).toMatch(/From: =\?UTF-8\?B\?/);
    expect((await verify(signer.sign(unicode))).status.result).toBe("pass");
  });

  it("signs base64 bodies (templates with Liquid tags render whole)", async () => {
    const raw = await newsletter({ liquidTags: true });
    expect(raw).toContain("Content-Transfer-Encoding: base64");
    expect((await verify(signer.sign(raw))).status.result).toBe("pass");
  });

  it("signAsync gives a signature that verifies too", async () => {
    const raw = await newsletter();
    const signed = await signer.signAsync(raw);
    expect(signed.endsWith(raw)).toBe(true);
    expect((await verify(signed)).status.result).toBe("pass");
  });

  it("canonicalizes awkward bodies and headers the way the verifier does", async () => {
    const head = `From: "Ann"   <ann@${DOMAIN}>\r\nTo:\treader@example.org  \r\nSubject:  spaced \t out\r\n\t and folded  \r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: <x@${DOMAIN}>\r\n`;
    const bodies = [
      "",
      "\r\n",
      "\r\n\r\n\r\n",
      "no final line end",
      "trailing spaces   \r\n\ttabbed\t\tline\t\r\n \r\n\r\n",
      "ends in a space ",
      "naïve  café — ünïcode  \r\n\r\n",
      "two\r\n\r\nparagraphs\r\n",
    ];
    for (const body of bodies) {
      const result = await verify(signer.sign(`${head}\r\n${body}`));
      expect(result.status.result, `body ${JSON.stringify(body)}: ${result.info}`).toBe("pass");
    }
    // A message that is all header and no separator line still signs.
    expect((await verify(signer.sign(head))).status.result).toBe("pass");
  });

  it("hashes bodies exactly as the RFC 6376 relaxed rules written plainly would", () => {
    const reference = (body: string) => {
      let text = body.replace(/[ \t]+/g, " ").replace(/ \r\n/g, "\r\n").replace(/ $/, "").replace(/(\r\n)+$/, "");
      if (text) text += "\r\n";
      return createHash("sha256").update(text, "utf8").digest("base64");
    };
    const samples = ["", "a", "a\r\n", "a \r\n\r\n", "  lead\r\n", "x\t\ty\r\n\r\n \r\n", "é  ü\r\n", "=3D  =\r\n  \r\n", "b64AAAA\r\nBBBB\r\n", "中文  text \r\n\r\n"];
    for (const body of samples) expect(hashRelaxedBody(body), JSON.stringify(body)).toBe(reference(body));
    // Large bodies and the reused buffer: hash twice, shortest second, so stale bytes would show.
    const big = `${"<td>  cell  </td>\r\n".repeat(4000)}\r\n\r\n`;
    expect(hashRelaxedBody(big)).toBe(reference(big));
    expect(hashRelaxedBody("short  one\r\n")).toBe(reference("short  one\r\n"));
  });
});

describe("tampering breaks the signature", () => {
  it("a changed body does not pass: the body hash differs", async () => {
    const signed = signer.sign(await newsletter());
    const tampered = signed.replace("https://shop.example/p?id=3Dc1", "https://evil.example/p?id=3Dc1");
    expect(tampered).not.toBe(signed);
    const result = await verify(tampered);
    // mailauth reports a body hash mismatch as "neutral" (RFC 6376 §6.1.3 leaves the label to the verifier).
    expect(result.status.result).not.toBe("pass");
    expect(result.status.comment).toMatch(/body hash did not verify/);
  });

  it("a changed Subject, or a second From added after signing, fails", async () => {
    const signed = signer.sign(await newsletter());
    expect((await verify(signed.replace("Subject: Hi Ann", "Subject: Hi Bob"))).status).toMatchObject({ result: "fail", comment: "bad signature" });
    const split = signed.indexOf("\r\n\r\n");
    const extraFrom = `${signed.slice(0, split)}\r\nFrom: attacker@evil.example${signed.slice(split)}`;
    expect((await verify(extraFrom)).status.result).not.toBe("pass");
  });

  it("whitespace changes that relaxed canonicalization forgives still pass", async () => {
    const signed = signer.sign(await newsletter());
    const rewrapped = `${signed.replace("Subject: Hi Ann", "Subject:   Hi  \t  Ann").slice(0, -2)}  \t\r\n\r\n\r\n`;
    expect(rewrapped).not.toBe(signed);
    expect((await verify(rewrapped)).status.result).toBe("pass");
  });
});

describe("prepareDkimSigner refuses what it cannot sign correctly", () => {
  it("keys that are not RSA, bad selectors and domains, and messages without From", () => {
    const ed = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    expect(() => prepareDkimSigner({ domain: DOMAIN, selector: SELECTOR, privateKeyPem: ed })).toThrow(/RSA/);
    expect(() => prepareDkimSigner({ domain: DOMAIN, selector: "bad selector;", privateKeyPem: keys.privateKeyPem })).toThrow(/selector/);
    expect(() => prepareDkimSigner({ domain: "localhost", selector: SELECTOR, privateKeyPem: keys.privateKeyPem })).toThrow(/domain/);
    expect(() => signer.sign("To: a@example.org\r\nSubject: x\r\n\r\nbody\r\n")).toThrow(/From/);
  });

  it("signs for a Unicode domain in its A-label form", () => {
    const idn = prepareDkimSigner({ domain: "Bücher.Example", selector: SELECTOR, privateKeyPem: keys.privateKeyPem });
    expect(idn.domain).toBe("xn--bcher-kva.example");
    expect(idn.sign("From: a@xn--bcher-kva.example\r\n\r\nx\r\n")).toContain("d=xn--bcher-kva.example;");
  });
});
