import { randomBytes } from "node:crypto";
import type { CompiledEmail } from "./compile-email";
import { encodeHeaderText, formatAddress, singleLine } from "./mime-headers";
import { joinPieces, toQuotedPrintable, type Piece, type RenderHooks, type Scope } from "./pieces";

export type MimeAttachment = { filename: string; contentType: string; content: Buffer };

export type MimeSetup = {
  from: { email: string; name?: string | null };
  replyTo?: string | null;
  /** Headers that are the same on every message of the send (e.g. List-Unsubscribe-Post, Feedback-ID). */
  headers?: Record<string, string>;
  attachments?: readonly MimeAttachment[];
};

export type MimeRecipient = {
  to: string;
  toName?: string | null;
  /** Without angle brackets, e.g. `0193...@mail.example.com`. */
  messageId: string;
  scope: Scope;
  hooks?: RenderHooks;
  /** Per-message headers, e.g. List-Unsubscribe with this recipient's token. */
  headers?: Record<string, string>;
};

export type BuiltMessage = { raw: string; subject: string };

type BodyPart = { encoding: "quoted-printable" | "base64"; render: (scope: Scope, hooks: RenderHooks) => string };

/** A send's invariant MIME: boundaries, From, part headers and the attachments already base64-encoded. */
export type PreparedMime = {
  compiled: CompiledEmail;
  fixedHeaders: string;
  textHead: string;
  html: BodyPart;
  text: BodyPart;
  htmlHead: string;
  tail: string;
};

/**
 * Bodies the fast renderer handles are sent quoted-printable, encoded piece by piece (the template's own
 * text once, here). Templates with Liquid tags render whole and go base64, which Node encodes natively,
 * rather than through a per-byte quoted-printable loop that would cost more than the render.
 */
const bodyPart = (pieces: CompiledEmail["html"]): BodyPart => {
  if (pieces.fast) {
    const encoded: Piece[] = toQuotedPrintable(pieces);
    return { encoding: "quoted-printable", render: (scope, hooks) => joinPieces(encoded, scope, hooks) };
  }
  return {
    encoding: "base64",
    render: (scope, hooks) => wrapBase64(Buffer.from(joinPieces(pieces.pieces, scope, hooks)).toString("base64")),
  };
};

const wrapBase64 = (b64: string) => {
  let out = "";
  for (let i = 0; i < b64.length; i += 76) out += `${b64.slice(i, i + 76)}\r\n`;
  return out;
};

const headerLines = (headers: Record<string, string> | undefined) =>
  headers ? Object.entries(headers).map(([name, value]) => `${name}: ${singleLine(value)}\r\n`).join("") : "";

const partHeaders = (contentType: string, encoding: string) =>
  `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n`;

export const prepareMime = (compiled: CompiledEmail, setup: MimeSetup): PreparedMime => {
  // "=_" cannot occur in quoted-printable or base64 bodies, so the boundary never collides with content.
  const alt = `=_alt_${randomBytes(12).toString("hex")}`;
  const mixed = `=_mix_${randomBytes(12).toString("hex")}`;
  const attachments = setup.attachments ?? [];
  const html = bodyPart(compiled.html);
  const text = bodyPart(compiled.text);
  const multipart = attachments.length > 0;
  let fixedHeaders = `From: ${formatAddress(setup.from.email, setup.from.name)}\r\n`;
  if (setup.replyTo) fixedHeaders += `Reply-To: ${singleLine(setup.replyTo)}\r\n`;
  fixedHeaders += headerLines(setup.headers);
  fixedHeaders += "MIME-Version: 1.0\r\n";
  fixedHeaders += multipart
    ? `Content-Type: multipart/mixed; boundary="${mixed}"\r\n\r\n--${mixed}\r\nContent-Type: multipart/alternative; boundary="${alt}"\r\n\r\n`
    : `Content-Type: multipart/alternative; boundary="${alt}"\r\n\r\n`;
  const textHead = `--${alt}\r\n${partHeaders("text/plain", text.encoding)}`;
  const htmlHead = `\r\n--${alt}\r\n${partHeaders("text/html", html.encoding)}`;
  let tail = `\r\n--${alt}--\r\n`;
  if (multipart) {
    for (const file of attachments) {
      const name = encodeHeaderText(file.filename.replace(/["\\\r\n]/g, "_"));
      tail += `\r\n--${mixed}\r\nContent-Type: ${file.contentType}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${wrapBase64(file.content.toString("base64"))}`;
    }
    tail += `\r\n--${mixed}--\r\n`;
  }
  return { compiled, fixedHeaders, textHead, html, text, htmlHead, tail };
};

let dateSecond = 0;
let dateHeader = "";
/** One Date header per second, not one toUTCString per message. */
const currentDate = () => {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateHeader = new Date(second * 1000).toUTCString().replace("GMT", "+0000");
  }
  return dateHeader;
};

/** One recipient's complete message (RFC 5322, CRLF line ends, 7-bit clean) ready for SMTP DATA. */
export const buildMime = (prepared: PreparedMime, recipient: MimeRecipient): BuiltMessage => {
  const hooks = recipient.hooks ?? {};
  const subject = joinPieces(prepared.compiled.subject.pieces, recipient.scope, hooks).trim();
  const head =
    `Date: ${currentDate()}\r\n` +
    `Message-ID: <${recipient.messageId}>\r\n` +
    `To: ${formatAddress(singleLine(recipient.to), recipient.toName ? singleLine(recipient.toName) : null)}\r\n` +
    `Subject: ${encodeHeaderText(singleLine(subject))}\r\n` +
    headerLines(recipient.headers);
  const raw =
    head +
    prepared.fixedHeaders +
    prepared.textHead +
    prepared.text.render(recipient.scope, hooks) +
    prepared.htmlHead +
    prepared.html.render(recipient.scope, hooks) +
    prepared.tail;
  return { raw, subject };
};
