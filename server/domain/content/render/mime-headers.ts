/**
 * Header encoding for the hot path: plain ASCII passes through; anything else becomes RFC 2047 encoded
 * words of at most 75 characters, folded onto continuation lines (RFC 5322 §2.2.3).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export const encodeHeaderText = (text: string): string => {
  if (PRINTABLE_ASCII.test(text)) return foldAscii(text);
  const words: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > 45) {
      words.push(chunk);
      chunk = "";
      bytes = 0;
    }
    chunk += char;
    bytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString("base64")}?=`).join("\r\n ");
};

/** Folds long ASCII header text at spaces so no line passes 78 characters where it can be helped. */
const foldAscii = (text: string): string => {
  if (text.length <= 70) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > 70) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join("\r\n ");
};

const NEEDS_QUOTES = /[()<>\[\]:;@\\,."]/;

/** `Name <address>` with the name quoted or encoded as it needs; just the address when there is no name. */
export const formatAddress = (email: string, name?: string | null): string => {
  if (!name) return email;
  if (!PRINTABLE_ASCII.test(name)) return `${encodeHeaderText(name)} <${email}>`;
  return NEEDS_QUOTES.test(name) ? `"${name.replace(/["\\]/g, "\\$&")}" <${email}>` : `${name} <${email}>`;
};

/** A header value must never carry a line break of its own: that would let data inject headers. */
export const singleLine = (value: string) => value.replace(/[\r\n]+/g, " ");
