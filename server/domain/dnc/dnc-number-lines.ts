import { normalizePhone } from "@/server/domain/contacts/normalize";
import { countryName } from "./dnc-countries";

/** A Do-Not-Call file that is not a list of numbers (an HTML error page, a binary) fails here. */
export class DncParseError extends Error {
  override name = "DncParseError";
}

const MAX_LINE_LENGTH = 1000;
const MAX_SAMPLES = 20;

/** Lines of a byte stream (any of \n, \r\n, \r), decoded as UTF-8 with a leading BOM dropped. */
export async function* readLines(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  let pending = "";
  let lineNumber = 0;
  const check = (text: string) => {
    if (text.length > MAX_LINE_LENGTH) {
      throw new DncParseError(`Line ${lineNumber + 1} is over ${MAX_LINE_LENGTH} characters long: this does not look like a list of phone numbers`);
    }
  };
  for await (const chunk of source) {
    let text = pending + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    // A chunk may end between \r and \n: hold a trailing \r back until the next chunk.
    const carry = text.endsWith("\r") ? "\r" : "";
    if (carry) text = text.slice(0, -1);
    const lines = text.split(/\r\n|\n|\r/);
    pending = (lines.pop() ?? "") + carry;
    for (const line of lines) {
      check(line);
      lineNumber++;
      yield line;
    }
    check(pending);
  }
  pending = (pending + decoder.decode()).replace(/\r$/, "");
  if (pending) yield pending;
}

export type DncLineStats = {
  lines: number;
  valid: number;
  invalid: number;
  /** The first few bad lines, to show why. */
  samples: Array<{ line: number; value: string; reason: string }>;
};

/**
 * Reads one number per line (or the first column of a CSV), skipping blank lines, # comments and a
 * header row, and yields each as E.164 in `country`: national numbers are read in that country, and
 * numbers of another country are counted as invalid (they could never match a contact from it).
 */
export async function* dncNumbers(lines: AsyncIterable<string>, country: string, stats: DncLineStats): AsyncGenerator<string> {
  let seenContent = false;
  for await (const line of lines) {
    stats.lines++;
    const cell = (line.split(/[,;\t]/, 1)[0] ?? "").trim().replace(/^"(.*)"$/, "$1").trim();
    if (!cell || cell.startsWith("#")) continue;
    const first = !seenContent;
    seenContent = true;
    if (first && !/\d/.test(cell)) continue; // a header such as "phone" or "number"
    const phone = normalizePhone(cell, country);
    const reason = !phone
      ? "not a valid phone number"
      : phone.country !== country
        ? `a ${phone.country ? countryName(phone.country) : "non-geographic"} number, not ${countryName(country)}`
        : null;
    if (reason) {
      stats.invalid++;
      if (stats.samples.length < MAX_SAMPLES) stats.samples.push({ line: stats.lines, value: cell.slice(0, 40), reason });
      continue;
    }
    stats.valid++;
    yield phone!.e164;
  }
}
