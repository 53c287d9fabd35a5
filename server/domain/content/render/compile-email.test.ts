import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildMime, prepareMime } from "./build-mime";
import { compileEmail, type EmailContent } from "./compile-email";
import { decodeQuotedPrintable, encodeQuotedPrintablePiece } from "./quoted-printable";
import { renderEmail } from "./render-email";
import { TemplateCompileError } from "./template-problems";

const mjml = (body: string) => `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
${body}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const content = (overrides: Partial<EmailContent> = {}): EmailContent => ({
  subject: "Hello {{ contact.first_name | default: 'there' }}",
  preheader: "News for {{ contact.first_name }} & friends",
  sourceFormat: "mjml",
  source: mjml(`<mj-text>Hi {{ contact.first_name | default: "there" }}, plan {{ contact.attributes.plan }}</mj-text>
<mj-button href="https://shop.example/p?id={{ contact.id }}&amp;x=1">Shop</mj-button>
<mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a> <a href="https://example.com/static">Static</a></mj-text>`),
  ...overrides,
});

const hostile = { id: "c1", first_name: `<script>alert(1)</script>{{ secret }}{% if x %}`, attributes: { plan: "pro" } };
const scope = { contact: hostile, unsubscribe_url: "https://app.example/u/tok", secret: "LEAK" };

const problemsOf = async (overrides: Partial<EmailContent>) => {
  try {
    await compileEmail(content(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateCompileError);
    return (error as TemplateCompileError).problems;
  }
  throw new Error("expected the template to be refused");
};

describe("compileEmail", () => {
  it("reports a Liquid syntax error at the author's line and column", async () => {
    const problems = await problemsOf({ source: mjml(`<mj-text>ok</mj-text>\n<mj-text>{{ contact.first_name | shout }}</mj-text>`) });
    expect(problems).toEqual([expect.objectContaining({ severity: "error", field: "source", line: 6, column: 10 })]);
    expect(problems[0]!.message).toMatch(/shout/);
    const unclosed = await problemsOf({ source: mjml(`<mj-text>{% if contact.vip %}VIP</mj-text>`) });
    expect(unclosed[0]).toMatchObject({ field: "source", line: 5 });
    expect(unclosed[0]!.message).toMatch(/not closed/);
  });

  it("reports MJML errors with their line", async () => {
    const problems = await problemsOf({ source: mjml(`<mj-text>fine</mj-text>\n<mj-button colour="red">x</mj-button>`) });
    expect(problems).toEqual([expect.objectContaining({ severity: "error", field: "source", line: 6 })]);
    expect(problems[0]!.message).toMatch(/colour/);
  });

  it("reports subject errors against the subject", async () => {
    const problems = await problemsOf({ subject: "Hi {{ contact.first_name " });
    expect(problems[0]).toMatchObject({ field: "subject" });
  });

  it("keeps contact data inert: markup is escaped and Liquid in values is not run", async () => {
    const compiled = await compileEmail(content());
    const out = renderEmail(compiled, scope);
    expect(out.html).not.toContain("<script>alert");
    expect(out.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;{{ secret }}");
    expect(out.html).not.toContain("LEAK");
    expect(out.subject).toBe(`Hello ${hostile.first_name}`);
    expect(out.text).toContain("{{ secret }}");
  });

  it("removes scripts from the design and puts the preheader first in the body", async () => {
    const compiled = await compileEmail(content({ sourceFormat: "html", source: `<html><body><p>Hi</p><script>steal()</script></body></html>` }));
    const out = renderEmail(compiled, { contact: { first_name: "Ann" } });
    expect(out.html).not.toContain("steal()");
    expect(out.html).toMatch(/<body><div class="herald-preheader"[^>]*>News for Ann &#38; friends/);
  });

  it("hands trackable links to the rewriter and leaves unsubscribe links alone (fast and Liquid-tag paths)", async () => {
    for (const extra of ["", `<mj-text>{% if contact.attributes.plan == "pro" %}Pro{% endif %}</mj-text>`]) {
      const compiled = await compileEmail(content({ source: content().source.replace("</mj-column>", `${extra}</mj-column>`) }));
      expect(compiled.html.fast).toBe(extra === "");
      expect(compiled.links.map((l) => l.href)).toEqual(["https://shop.example/p?id={{ contact.id }}&amp;x=1", "https://example.com/static"]);
      const seen: [string, number | null][] = [];
      const out = renderEmail(compiled, scope, { rewriteLink: (href, index) => (seen.push([href, index]), `https://t.example/${index}`) });
      expect(seen).toEqual([["https://shop.example/p?id=c1&amp;x=1", 0], ["https://example.com/static", 1]]);
      expect(out.html).toContain('href="https://t.example/0"');
      expect(out.html).toContain('href="https://app.example/u/tok"');
      expect(out.html).not.toContain("\u0001");
    }
  });

  it("generates the plain-text part from the HTML unless the author wrote one", async () => {
    const auto = renderEmail(await compileEmail(content()), { contact: { first_name: "Ann", attributes: { plan: "pro" } } });
    expect(auto.text).toContain("Hi Ann, plan pro");
    expect(auto.text).toContain("Static [https://example.com/static]");
    const custom = renderEmail(await compileEmail(content({ customText: "Plain {{ contact.first_name }}" })), { contact: { first_name: "Ann" } });
    expect(custom.text).toBe("Plain Ann");
  });
});

describe("buildMime", () => {
  const parse = async (raw: string) => simpleParser(Buffer.from(raw, "latin1"));

  for (const [label, extra] of [["quoted-printable", ""], ["base64", "{% if true %}!{% endif %}"]] as const) {
    it(`builds a message mail clients read back exactly (${label})`, async () => {
      const compiled = await compileEmail(
        content({ subject: "Grüße, {{ contact.first_name }} — 50% off ✓ and a subject long enough to need folding over lines", source: content().source.replace("Shop<", `Shop ${extra}<`) }),
      );
      const attachment = { filename: "Prices é.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4 fake") };
      const prepared = prepareMime(compiled, {
        from: { email: "news@shop.example", name: "Shop, Inc." },
        replyTo: "help@shop.example",
        headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        attachments: [attachment],
      });
      const recipientScope = { contact: { id: "c9", first_name: "Zoë = <b>", attributes: { plan: "pro" } }, unsubscribe_url: "https://u.example/1" };
      const built = buildMime(prepared, {
        to: "zoe@example.com",
        toName: "Zoë",
        messageId: "m1@shop.example",
        scope: recipientScope,
        headers: { "List-Unsubscribe": "<https://u.example/1>" },
      });
      expect(built.raw).toMatch(/^[\x00-\x7f]*$/);
      for (const line of built.raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
      expect(built.raw).toContain(`Content-Transfer-Encoding: ${label}`);
      const parsed = await parse(built.raw);
      const expected = renderEmail(compiled, recipientScope);
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.html).toBe(expected.html);
      expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(expected.text);
      expect(parsed.messageId).toBe("<m1@shop.example>");
      expect(parsed.from?.value[0]).toMatchObject({ address: "news@shop.example", name: "Shop, Inc." });
      expect(parsed.to).toMatchObject({ value: [{ address: "zoe@example.com", name: "Zoë" }] });
      expect(parsed.headerLines).toContainEqual({ key: "list-unsubscribe-post", line: "List-Unsubscribe-Post: List-Unsubscribe=One-Click" });
      expect(parsed.attachments).toHaveLength(1);
      expect(parsed.attachments[0]).toMatchObject({ filename: "Prices é.pdf", contentType: "application/pdf" });
      expect(parsed.attachments[0]!.content.equals(attachment.content)).toBe(true);
    });
  }

  it("never lets a value inject a header", async () => {
    const prepared = prepareMime(await compileEmail(content({ subject: "{{ contact.first_name }}" })), { from: { email: "a@b.example" } });
    const built = buildMime(prepared, { to: "x@y.example", messageId: "m@b", scope: { contact: { first_name: "Hi\r\nBcc: victim@example.com" } } });
    const headers = built.raw.slice(0, built.raw.indexOf("\r\n\r\n"));
    expect(headers).not.toMatch(/^Bcc:/m);
    expect(headers).toContain("Subject: Hi Bcc: victim@example.com");
  });
});

describe("quoted-printable pieces", () => {
  it("round-trip any text and keep lines within 76 characters", () => {
    const samples = ["", "plain", "a=b", "trailing space ", "tab\t\nnext", "é".repeat(100), "x".repeat(300), "line\nline  \n", "😀 mixed = text ".repeat(20)];
    for (const sample of samples) {
      const encoded = encodeQuotedPrintablePiece(sample);
      for (const line of encoded.split("\r\n")) expect(line.length, JSON.stringify(sample)).toBeLessThanOrEqual(76);
      expect(decodeQuotedPrintable(encoded).replace(/\r\n/g, "\n")).toBe(sample);
    }
    const joined = samples.map(encodeQuotedPrintablePiece).join("");
    expect(decodeQuotedPrintable(joined).replace(/\r\n/g, "\n")).toBe(samples.join(""));
  });
});
