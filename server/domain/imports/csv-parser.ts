/**
 * A streaming RFC 4180 parser that knows which line of the file each record starts on, so every
 * rejected row can be reported by its line. Feed it decoded text in pieces of any size (a record
 * may span pieces); it calls back once per record, or once per record it could not read.
 *
 * - Fields are separated by one delimiter character; records end at "\n" (or "\r\n"), or at "\r" for
 *   files that use bare carriage returns.
 * - A field that starts with a quote runs to the matching quote; "" inside it is one quote, and it
 *   may contain delimiters and line breaks. Line numbers count physical lines, so a record after a
 *   quoted line break is reported on its real line.
 * - Bad quoting rejects that record and carries on with the next line: a quote inside an unquoted
 *   field, text after a closing quote, or a quote that never closes. An unclosed quote would swallow
 *   the rest of the file, so it is given up on at the end of the file or after `maxRecordChars`, and
 *   parsing resumes on the line after the one where the quote opened.
 *
 * Hot path: a line without quotes is one indexOf and one split (native), which keeps a million-row
 * file to about a second; only lines with a quote take the character-by-character route.
 */

export type CsvParserOptions = {
  delimiter: string;
  /** "\n" (also accepts "\r\n") or "\r". */
  newline?: "\n" | "\r";
  /** A record longer than this is given up on (about 1 MiB of text by default). */
  maxRecordChars?: number;
  onRecord: (fields: string[], line: number) => void;
  onProblem: (problem: CsvProblem) => void;
};

export type CsvProblem = { line: number; reason: string; raw: string };

const QUOTE = '"';
const NEED_MORE = -1;

export class CsvParser {
  private buffer = "";
  private pos = 0;
  private line = 1;
  private nextQuote = -1;
  private rawStart = 0;
  private rawEnd = 0;
  private readonly delimiter: string;
  private readonly newline: "\n" | "\r";
  private readonly maxRecordChars: number;
  private readonly onRecord: CsvParserOptions["onRecord"];
  private readonly onProblem: CsvParserOptions["onProblem"];
  private ended = false;
  private skippingLongLine = false;

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1 || options.delimiter === QUOTE || options.delimiter === "\n" || options.delimiter === "\r") {
      throw new Error(`unusable CSV delimiter ${JSON.stringify(options.delimiter)}`);
    }
    this.delimiter = options.delimiter;
    this.newline = options.newline ?? "\n";
    this.maxRecordChars = options.maxRecordChars ?? 1 << 20;
    this.onRecord = options.onRecord;
    this.onProblem = options.onProblem;
  }

  /** The text of the record being reported (valid inside onRecord), without its line break. */
  raw(): string {
    return this.buffer.slice(this.rawStart, this.rawEnd);
  }

  /** The physical line the next record starts on (1-based). */
  get currentLine() {
    return this.line;
  }

  push(text: string): void {
    if (this.ended) throw new Error("CsvParser.push after end()");
    this.buffer = this.pos < this.buffer.length ? this.buffer.slice(this.pos) + text : text;
    this.pos = 0;
    this.nextQuote = -1;
    this.run(false);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.run(true);
    this.buffer = "";
    this.pos = 0;
  }

  private run(final: boolean) {
    const buffer = this.buffer;
    const nl = this.newline;
    while (this.pos < buffer.length) {
      if (this.skippingLongLine) {
        const lineEnd = buffer.indexOf(nl, this.pos);
        if (lineEnd === -1) {
          this.pos = buffer.length;
          return;
        }
        this.pos = lineEnd + 1;
        this.line++;
        this.skippingLongLine = false;
        continue;
      }
      const start = this.pos;
      if (this.nextQuote !== Number.POSITIVE_INFINITY && this.nextQuote < start) {
        const found = buffer.indexOf(QUOTE, start);
        this.nextQuote = found === -1 ? Number.POSITIVE_INFINITY : found;
      }
      let end = buffer.indexOf(nl, start);
      if (end === -1) {
        if (!final) {
          if (buffer.length - start > this.maxRecordChars) this.giveUp(start);
          return;
        }
        end = buffer.length;
      }
      if (this.nextQuote >= end) {
        // No quote on this line: the common case.
        const contentEnd = nl === "\n" && end > start && buffer.charCodeAt(end - 1) === 13 ? end - 1 : end;
        this.rawStart = start;
        this.rawEnd = contentEnd;
        this.pos = end + 1;
        const line = this.line++;
        this.onRecord(buffer.slice(start, contentEnd).split(this.delimiter), line);
        continue;
      }
      if (this.slowRecord(start, final) === NEED_MORE) {
        if (buffer.length - start <= this.maxRecordChars) return;
        this.unterminated(start);
        if (this.skippingLongLine) return;
      }
    }
  }

  /** A record with at least one quote, character by character. Returns NEED_MORE when it runs off the buffer. */
  private slowRecord(start: number, final: boolean): number {
    const buffer = this.buffer;
    const delimiter = this.delimiter;
    const nl = this.newline;
    const fields: string[] = [];
    let i = start;
    let breaks = 0;
    for (;;) {
      // At the start of a field.
      if (buffer[i] === QUOTE) {
        let value = "";
        let segment = i + 1;
        for (;;) {
          const close = buffer.indexOf(QUOTE, segment);
          if (close === -1) {
            if (!final) return NEED_MORE;
            this.unterminated(start);
            return 0;
          }
          breaks += countChar(buffer, nl, segment, close);
          if (close + 1 === buffer.length && !final) return NEED_MORE; // "" split across pieces?
          value += buffer.slice(segment, close);
          if (buffer[close + 1] === QUOTE) {
            value += QUOTE;
            segment = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        fields.push(value);
        const next = buffer[i];
        if (next === delimiter) {
          i++;
          continue;
        }
        if (i === buffer.length) {
          if (!final) return NEED_MORE;
          return this.finishRecord(start, i, i, fields, breaks);
        }
        if (next === nl) return this.finishRecord(start, i, i + 1, fields, breaks);
        if (next === "\r" && nl === "\n") {
          if (i + 1 === buffer.length && !final) return NEED_MORE;
          if (i + 1 === buffer.length || buffer[i + 1] === "\n") return this.finishRecord(start, i, i + 2, fields, breaks);
        }
        return this.badQuoting(start, i, breaks, `text after the closing quote of column ${fields.length}`);
      }
      // An unquoted field: up to the next delimiter or line break, and it may not contain a quote.
      let end = i;
      while (end < buffer.length) {
        const c = buffer[end];
        if (c === delimiter || c === nl) break;
        if (c === QUOTE) {
          return this.badQuoting(start, end, breaks, `a quote inside unquoted column ${fields.length + 1} (quote the whole field and double the quote)`);
        }
        end++;
      }
      if (end === buffer.length && !final) return NEED_MORE;
      const valueEnd = buffer[end] !== delimiter && nl === "\n" && end > i && buffer.charCodeAt(end - 1) === 13 ? end - 1 : end;
      fields.push(buffer.slice(i, valueEnd));
      if (buffer[end] === delimiter) {
        i = end + 1;
        continue;
      }
      return this.finishRecord(start, valueEnd, end + 1, fields, breaks);
    }
  }

  private finishRecord(start: number, contentEnd: number, next: number, fields: string[], breaks: number) {
    this.rawStart = start;
    this.rawEnd = contentEnd;
    this.pos = next;
    const line = this.line;
    this.line += 1 + breaks;
    this.onRecord(fields, line);
    return next;
  }

  /** Rejects the record and skips to the end of the line the problem is on. */
  private badQuoting(start: number, at: number, breaks: number, what: string) {
    const buffer = this.buffer;
    const lineEnd = buffer.indexOf(this.newline, at);
    const end = lineEnd === -1 ? buffer.length : lineEnd;
    const line = this.line;
    this.pos = lineEnd === -1 ? buffer.length : lineEnd + 1;
    this.line += 1 + breaks;
    this.problem(line, `bad quoting: ${what}`, start, end);
    return this.pos;
  }

  /** A quote that never closes: reject the record's first line and carry on from the line after it. */
  private unterminated(start: number) {
    const buffer = this.buffer;
    const line = this.line;
    const firstBreak = buffer.indexOf(this.newline, start);
    if (firstBreak === -1 && !this.ended) return this.giveUp(start);
    const resume = firstBreak === -1 ? buffer.length : firstBreak + 1;
    this.pos = resume;
    this.line += 1;
    this.nextQuote = -1;
    this.problem(line, "bad quoting: a quoted field is never closed", start, resume === buffer.length ? resume : firstBreak);
  }

  /** A line longer than the limit with no end in sight: reject it and skip to its end, whenever that arrives. */
  private giveUp(start: number) {
    this.problem(this.line, `the record is longer than ${this.maxRecordChars} characters`, start, this.buffer.length);
    this.skippingLongLine = true;
    this.pos = this.buffer.length;
  }

  private problem(line: number, reason: string, start: number, end: number) {
    const raw = this.buffer.slice(start, Math.min(end, start + 1000)).replace(/\r$/, "");
    this.onProblem({ line, reason, raw });
  }
}

const countChar = (text: string, char: string, from: number, to: number) => {
  let count = 0;
  for (let at = text.indexOf(char, from); at !== -1 && at < to; at = text.indexOf(char, at + 1)) count++;
  return count;
};
