import { createHash } from "node:crypto";

/**
 * RFC 6376 §3.4 "relaxed" canonicalization, written for the send path: messages arrive as strings with
 * CRLF line ends (build-mime.ts), are signed once each, and the body is most of their bytes, so the body
 * is hashed without building a canonical copy of it as a string.
 */

/** One header field as it appears in the message: its lowercased name and its raw text (folds included, no final CRLF). */
export type HeaderField = { name: string; raw: string };

/** Splits a header block (each field ending in CRLF) into fields, folded continuation lines kept with their field. */
export const parseHeaderFields = (head: string): HeaderField[] => {
  const fields: HeaderField[] = [];
  let start = 0;
  while (start < head.length) {
    // A field ends at the first CRLF not followed by a space or tab (RFC 5322 §2.2.3 folding).
    let end = head.indexOf("\r\n", start);
    while (end !== -1 && (head.charCodeAt(end + 2) === 32 || head.charCodeAt(end + 2) === 9)) end = head.indexOf("\r\n", end + 2);
    if (end === -1) end = head.length;
    const raw = head.slice(start, end);
    const colon = raw.indexOf(":");
    if (colon > 0) fields.push({ name: raw.slice(0, colon).trimEnd().toLowerCase(), raw });
    start = end + 2;
  }
  return fields;
};

const WSP_RUN = /[ \t]+/g;

/**
 * §3.4.2: lowercase the name, unfold, turn every run of spaces and tabs into one space, and drop
 * whitespace at the ends of the value and around the colon. Ends in CRLF, as a signed header does.
 */
export const relaxedHeader = (field: HeaderField): string => {
  const value = field.raw
    .slice(field.raw.indexOf(":") + 1)
    .replaceAll("\r\n", "")
    .replace(WSP_RUN, " ");
  const from = value.charCodeAt(0) === 32 ? 1 : 0;
  const to = value.length > from && value.charCodeAt(value.length - 1) === 32 ? value.length - 1 : value.length;
  return `${field.name}:${value.slice(from, to)}\r\n`;
};

/**
 * Anything that rules out hashing the body as it is: a tab, two spaces, whitespace before a line end or
 * at the very end (all changed by relaxed canonicalization), or a non-ASCII character (so the string's
 * Latin-1 bytes would not be its UTF-8 bytes).
 */
const NOT_PLAIN = /[\t\u0080-\uffff]| {2}| \r\n| $/;

/** Bodies up to ~340,000 characters are rewritten in one reused buffer; larger ones get their own. */
const SCRATCH_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/**
 * Rewrites buf[0, n) in place: each run of spaces and tabs becomes one space, or nothing before a
 * line end or the end of the body. Works on UTF-8 as well, since those bytes never occur inside a
 * multi-byte character. Returns the new length.
 */
const collapseWhitespace = (buf: Buffer, n: number) => {
  let w = 0;
  let r = 0;
  while (r < n) {
    let c = buf[r]!;
    // The common case, a run of visible characters, in a tight loop.
    while (c !== 32 && c !== 9) {
      buf[w++] = c;
      if (++r === n) return w;
      c = buf[r]!;
    }
    do r++;
    while (r < n && (buf[r] === 32 || buf[r] === 9));
    if (r < n && !(buf[r] === 13 && buf[r + 1] === 10)) buf[w++] = 32;
  }
  return w;
};

/** Bytes at the end that are only CRLFs (empty lines), counted back from `end`. */
const trailingCrlfs = (at: (i: number) => number, end: number) => {
  let i = end;
  while (i >= 2 && at(i - 1) === 10 && at(i - 2) === 13) i -= 2;
  return end - i;
};

/**
 * The body hash (bh=) under RFC 6376 §3.4.4 relaxed canonicalization: whitespace runs become one
 * space, whitespace at line ends goes, empty lines at the end go, and a non-empty body ends in exactly
 * one CRLF (an empty body hashes as nothing). Bodies that need none of that (base64, or quoted-printable
 * without runs of spaces) are hashed as they are; others are rewritten as bytes in a reused buffer,
 * since a regex replace over a 40 KB body with thousands of runs costs several times more.
 */
export const hashRelaxedBody = (body: string): string => {
  const hash = createHash("sha256");
  if (!NOT_PLAIN.test(body)) {
    const trailing = trailingCrlfs((i) => body.charCodeAt(i), body.length);
    const end = body.length - trailing;
    // ASCII here, so Latin-1 bytes are the UTF-8 bytes, and Latin-1 is the cheaper conversion.
    if (trailing === 0 && end > 0) hash.update(body, "latin1").update("\r\n");
    else if (end > 0) hash.update(trailing === 2 ? body : body.slice(0, end + 2), "latin1");
    return hash.digest("base64");
  }
  // UTF-8, so any character is hashed as it goes on the wire (at most 3 bytes per UTF-16 unit).
  let buf: Buffer;
  if (body.length * 3 + 2 <= SCRATCH_BYTES) buf = scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES);
  else buf = Buffer.allocUnsafe(Buffer.byteLength(body, "utf8") + 2);
  let n = collapseWhitespace(buf, buf.write(body, 0, "utf8"));
  n -= trailingCrlfs((i) => buf[i]!, n);
  if (n > 0) {
    buf[n++] = 13;
    buf[n++] = 10;
    hash.update(buf.subarray(0, n));
  }
  return hash.digest("base64");
};
