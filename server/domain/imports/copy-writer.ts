import type { StagedRow } from "./validate-import-row";

const TAB = 9;
const NEWLINE = 10;
const NULL_MARK = Buffer.from("\\N");
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * Staging rows encoded straight into a Buffer in COPY's text format. Building a string per row and
 * joining them cost more in garbage collection than everything else Node does for an import; this
 * writes each field where it belongs and hands Postgres ~1 MiB buffers.
 *
 * Only the free-text columns can hold characters COPY reserves: normalised emails and phones, zones,
 * locales and statuses never do, and the attributes are JSON (control characters already escaped, so
 * only its backslashes need doubling).
 */
export class CopyWriter {
  private buffer: Buffer;
  private at = 0;
  rows = 0;

  constructor(private readonly size = 1024 * 1024) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  get length() {
    return this.at;
  }

  row(line: number, row: StagedRow, emailSeenOn: number, phoneSeenOn: number) {
    // Room for the worst case (every character 3 bytes in UTF-8, doubled by escaping).
    let longest = 64;
    for (const value of [row.email, row.phone, row.firstName, row.lastName, row.timezone, row.locale, row.attributes]) {
      if (value) longest += value.length * 6 + 8;
    }
    this.reserve(longest);
    this.int(line);
    this.tab();
    this.text(row.email);
    this.tab();
    this.text(row.phone);
    this.tab();
    this.text(row.phoneCountry);
    this.tab();
    this.escaped(row.firstName);
    this.tab();
    this.escaped(row.lastName);
    this.tab();
    this.text(row.timezone);
    this.tab();
    this.text(row.locale);
    this.tab();
    this.text(row.emailStatus);
    this.tab();
    this.text(row.smsStatus);
    this.tab();
    this.text(row.attributes === null || !row.attributes.includes("\\") ? row.attributes : row.attributes.replace(/\\/g, "\\\\"));
    this.tab();
    if (emailSeenOn) this.int(emailSeenOn);
    else this.nullMark();
    this.tab();
    if (phoneSeenOn) this.int(phoneSeenOn);
    else this.nullMark();
    this.buffer[this.at++] = NEWLINE;
    this.rows++;
  }

  /** The bytes written so far (the writer starts a fresh buffer). */
  take(): Buffer {
    const full = this.buffer.subarray(0, this.at);
    this.buffer = Buffer.allocUnsafe(this.size);
    this.at = 0;
    return full;
  }

  private reserve(bytes: number) {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  private tab() {
    this.buffer[this.at++] = TAB;
  }

  private nullMark() {
    NULL_MARK.copy(this.buffer, this.at);
    this.at += 2;
  }

  private int(value: number) {
    // Digits written directly: String(n) would be one more string per field.
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let i = digits - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 10)) this.buffer[this.at + i] = 48 + (rest % 10);
    this.at += digits;
  }

  private text(value: string | null) {
    if (value === null) return this.nullMark();
    this.at += this.buffer.write(value, this.at, "utf8");
  }

  private escaped(value: string | null) {
    if (value !== null && NEEDS_ESCAPE.test(value)) value = value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
    this.text(value);
  }
}
