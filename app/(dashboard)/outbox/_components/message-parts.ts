export type MessageHeader = { name: string; value: string };

/** The header block of a raw RFC 5322 message, with folded lines joined. Undecoded: this is for reading. */
export const parseHeaders = (raw: string): MessageHeader[] => {
  const end = raw.search(/\r?\n\r?\n/);
  const block = end === -1 ? raw : raw.slice(0, end);
  return block
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      return colon > 0 ? { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() } : { name: "", value: line };
    });
};

export type TextSegment = { kind: "text"; value: string } | { kind: "link"; value: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Splits a text part into plain runs and http(s) links, so reset and invitation links can be followed. */
export const linkify = (text: string): TextSegment[] => {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) segments.push({ kind: "text", value: text.slice(last, match.index) });
    segments.push({ kind: "link", value: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", value: text.slice(last) });
  return segments;
};
