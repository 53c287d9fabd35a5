import { isUtf8 } from "node:buffer";

/**
 * Working out how an uploaded CSV is written: its text encoding, its delimiter and its line breaks.
 * Pure; the upload feeds it the bytes as they arrive.
 */

export const ENCODINGS = ["utf-8", "utf-8-bom", "latin1"] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

const BOM = [0xef, 0xbb, 0xbf];

export const hasUtf8Bom = (bytes: Uint8Array) => bytes.length >= 3 && BOM.every((byte, i) => bytes[i] === byte);

/** How many bytes at the end of `bytes` are the start of a UTF-8 sequence that continues in the next piece. */
const incompleteTail = (bytes: Uint8Array) => {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
};

/**
 * Is the whole stream valid UTF-8? Fed piece by piece (a character may straddle two pieces).
 * Node's isUtf8 is native, so checking a 2 GiB upload costs about a second.
 */
export class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0);
  valid = true;

  push(piece: Uint8Array) {
    if (!this.valid) return;
    const bytes = this.carry.length ? Buffer.concat([this.carry, piece]) : piece;
    const tail = incompleteTail(bytes);
    this.valid = isUtf8(bytes.subarray(0, bytes.length - tail));
    this.carry = bytes.slice(bytes.length - tail);
  }

  end() {
    if (this.carry.length) this.valid = false;
    return this.valid;
  }
}

/** UTF-8 (with or without a byte-order mark) when every byte says so, else Latin-1 (as Excel writes it). */
export const chooseEncoding = (firstBytes: Uint8Array, wholeFileIsUtf8: boolean): CsvEncoding =>
  hasUtf8Bom(firstBytes) ? "utf-8-bom" : wholeFileIsUtf8 ? "utf-8" : "latin1";

/**
 * A streaming decoder. "latin1" decodes as windows-1252, as the WHATWG Encoding Standard (and every
 * browser) does for that label: the same letters as ISO-8859-1 plus € and curly quotes in 0x80-0x9F.
 * The UTF-8 decoder drops a leading byte-order mark.
 */
export const createDecoder = (encoding: CsvEncoding) => {
  const decoder = new TextDecoder(encoding === "latin1" ? "windows-1252" : "utf-8");
  return {
    decode: (bytes: Uint8Array) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
};

/** "\n" (covers "\r\n") unless the text only ever breaks lines with a bare "\r" (old Mac exports). */
export const detectNewline = (sample: string): "\n" | "\r" => (!sample.includes("\n") && sample.includes("\r") ? "\r" : "\n");

/**
 * Counts of each candidate delimiter outside quotes, per record, for the first `maxRecords` records.
 * When `complete` is false the sample was cut mid-file, so its last (possibly partial) record is dropped.
 */
const delimiterCounts = (sample: string, newline: string, complete: boolean, maxRecords: number) => {
  const counts: number[][] = [];
  let current = DELIMITERS.map(() => 0);
  let inQuotes = false;
  let empty = true;
  for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
    const c = sample[i]!;
    if (c === '"') {
      inQuotes = !inQuotes; // "" inside quotes toggles twice: no harm
      empty = false;
    } else if (!inQuotes && c === newline) {
      if (!empty) counts.push(current);
      current = DELIMITERS.map(() => 0);
      empty = true;
    } else if (!inQuotes) {
      const index = DELIMITERS.indexOf(c as CsvDelimiter);
      if (index >= 0) current[index]!++;
      if (c !== "\r") empty = false;
    }
  }
  if (complete && !empty && counts.length < maxRecords) counts.push(current);
  return counts;
};

/**
 * The delimiter whose count is the same on every sampled record (the header included), preferring the
 * one that splits records into the most columns; if none is perfectly consistent, the one most often at
 * its usual count. Comma when nothing splits anything (a one-column file).
 */
export const detectDelimiter = (sample: string, { complete = true, maxRecords = 50 } = {}): CsvDelimiter => {
  const counts = delimiterCounts(sample, detectNewline(sample), complete, maxRecords);
  let best: { delimiter: CsvDelimiter; agreement: number; columns: number } | null = null;
  DELIMITERS.forEach((delimiter, index) => {
    const perRecord = counts.map((record) => record[index]!);
    const frequency = new Map<number, number>();
    for (const count of perRecord) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [columns, records] of frequency) {
      const agreement = records / perRecord.length;
      if (!best || agreement > best.agreement || (agreement === best.agreement && columns > best.columns)) {
        best = { delimiter, agreement, columns };
      }
    }
  });
  return (best as { delimiter: CsvDelimiter } | null)?.delimiter ?? ",";
};
