import type postgres from "postgres";
import { CsvParser } from "./csv-parser";
import type { CsvDelimiter, CsvEncoding } from "./detect-format";
import { readImportText } from "./read-import-file";

/** Rejected rows kept per import; beyond this only the count grows (the UI and report say so). */
export const MAX_STORED_REJECTIONS = 100_000;
const RAW_MAX = 2000;
const BATCH = 2000;

export type Rejection = { line: number; reason: string; raw: string | null };

/**
 * Collects an import's rejected rows and writes them in batches, keeping the first
 * MAX_STORED_REJECTIONS of them while counting all of them.
 */
export class RejectionLog {
  count = 0;
  stored = 0;
  private pending: Rejection[] = [];

  constructor(
    private readonly sql: postgres.Sql,
    private readonly importId: string,
    private readonly cap = MAX_STORED_REJECTIONS,
  ) {}

  add(line: number, reason: string, raw: string | null) {
    this.count++;
    if (this.stored + this.pending.length >= this.cap) return;
    this.pending.push({ line, reason, raw: raw === null ? null : raw.length > RAW_MAX ? raw.slice(0, RAW_MAX) : raw });
  }

  get needsFlush() {
    return this.pending.length >= BATCH;
  }

  /** How many more rejections would still be stored. */
  get room() {
    return Math.max(0, this.cap - this.stored - this.pending.length);
  }

  async flush(sql: postgres.Sql | postgres.TransactionSql = this.sql) {
    while (this.pending.length) {
      const batch = this.pending.splice(0, BATCH);
      const rows = batch.map(({ line, reason, raw }) => ({ import_id: this.importId, line, reason, raw }));
      await sql`insert into import_rejections ${sql(rows, "import_id", "line", "reason", "raw")} on conflict do nothing`;
      this.stored += batch.length;
    }
  }
}

/**
 * The original text of some lines, for rejections found after parsing (duplicates spotted by SQL):
 * one more pass over the file, which only parses, and only happens when such rejections exist.
 */
export const readRawLines = async ({
  importId,
  encoding,
  delimiter,
  newline,
  lines,
}: {
  importId: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  newline: "\n" | "\r";
  lines: ReadonlySet<number>;
}) => {
  const found = new Map<number, string>();
  if (!lines.size) return found;
  let last = 0;
  for (const line of lines) if (line > last) last = line;
  const parser: CsvParser = new CsvParser({
    delimiter,
    newline,
    onRecord: (_fields, line) => {
      // Copied (not sliced) so the map does not keep whole decoded chunks alive.
      if (lines.has(line)) found.set(line, Buffer.from(parser.raw().slice(0, RAW_MAX)).toString());
    },
    onProblem: () => {},
  });
  for await (const { text } of readImportText(importId, encoding)) {
    parser.push(text);
    if (parser.currentLine > last) break;
  }
  parser.end();
  return found;
};
