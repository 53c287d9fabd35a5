/**
 * Quoted-printable (RFC 2045 §6.7) for pieces of a message body. Bodies are encoded piece by piece:
 * the invariant parts of a template once per campaign, the personalised values per message. So every
 * piece starts at the beginning of a line and, unless it ends with a hard line break, ends with a soft
 * one ("=\r\n"): pieces can then be joined in any order without a line ever passing 76 characters.
 */
const HEX = "0123456789ABCDEF";
const MAX_LINE = 76;

/** Printable ASCII other than "=", plus spaces and tabs not at the end of a line: the fast case. */
const PLAIN = /^[\x20-\x3c\x3e-\x7e]*$/;

export const encodeQuotedPrintablePiece = (text: string): string => {
  if (text.length === 0) return "";
  if (text.length < MAX_LINE - 1 && PLAIN.test(text)) return `${text}=\r\n`;
  return encodeSlow(text);
};

const encodeSlow = (text: string): string => {
  const bytes = Buffer.from(text.replace(/\r\n?/g, "\n"), "utf8");
  const out: string[] = [];
  let line = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      out.push(line, "\r\n");
      line = "";
      continue;
    }
    const atLineEnd = i + 1 === bytes.length ? false : bytes[i + 1] === 0x0a;
    const literal = (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || ((byte === 0x20 || byte === 0x09) && !atLineEnd);
    const token = literal ? String.fromCharCode(byte) : `=${HEX[byte >> 4]}${HEX[byte & 15]}`;
    if (line.length + token.length > MAX_LINE - 1) {
      out.push(line, "=\r\n");
      line = "";
    }
    line += token;
  }
  if (line.length > 0) out.push(line, "=\r\n");
  return out.join("");
};

/** Decodes quoted-printable to text; used by tests and by previews of built messages. */
export const decodeQuotedPrintable = (encoded: string): string =>
  Buffer.from(
    encoded
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
