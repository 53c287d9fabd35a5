import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type postgres from "postgres";
import { AppError } from "@/server/errors";
import { CsvParser, type CsvProblem } from "./csv-parser";
import type { CsvDelimiter, CsvEncoding } from "./detect-format";
import { batchTableName, copyValue, createBatchTable, STAGING_COLUMNS } from "./import-staging";
import type { RejectionLog } from "./import-rejections";
import { KeySet, phoneKey, stringKey } from "./key-set";
import { readImportText } from "./read-import-file";
import type { RowVerdict, StagedRow } from "./validate-import-row";

export type StageProgress = { rows: number; bytesRead: number };

/** A batch of good rows, committed to its own staging table, with their lines and original text by line. */
export type StagedBatch = { table: string; index: number; rows: number; firstLine: number; lastLine: number; raws: Map<number, string> };

export type StageResult = {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  staged: number;
  batches: number;
  /** Milliseconds spent in JavaScript decoding, parsing, validating and formatting rows. */
  parseMs: number;
  /** Wall time from the first byte read to the last batch staged (merging overlaps it). */
  wallMs: number;
};

const NULL = "\\N";
const BACKSLASH = /\\/g;
/** Text Node may queue ahead of Postgres, so it parses the next chunk while Postgres ingests. */
const COPY_BUFFER_CHARS = 16 * 1024 * 1024;

/**
 * One staging row in COPY's text format. Only the free-text columns can hold characters COPY reserves:
 * normalised emails and phones, zones, locales and statuses never do, and the attributes are JSON
 * (control characters already escaped, so only its backslashes need doubling).
 */
export const formatStagedRow = (line: number, row: StagedRow, emailSeenOn = 0, phoneSeenOn = 0) =>
  `${line}\t${row.email ?? NULL}\t${row.phone ?? NULL}\t${row.phoneCountry ?? NULL}\t${copyValue(row.firstName)}\t${copyValue(row.lastName)}\t${
    row.timezone ?? NULL
  }\t${row.locale ?? NULL}\t${row.emailStatus ?? NULL}\t${row.smsStatus ?? NULL}\t${
    row.attributes === null ? NULL : row.attributes.includes("\\") ? row.attributes.replace(BACKSLASH, "\\\\") : row.attributes
  }\t${emailSeenOn || NULL}\t${phoneSeenOn || NULL}\n`;

/**
 * The end of a COPY. postgres.js reports an error that arrives after the stream was ended to no one
 * (the stream is already detached), so a COPY that never confirms is given up on instead of waiting forever.
 */
const copyFinished = async (copy: Writable, timeoutMs = 10 * 60_000) => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      finished(copy),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("Postgres did not confirm the end of a COPY")), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Streams the uploaded file through the decoder, the CSV parser and the row validator, and COPYs the
 * good rows into staging tables of `batchRows` rows each (Postgres ingests on its own core while Node
 * parses), logging bad rows with their line. Each batch is committed, analysed and handed to
 * `onBatch` (awaited: a merge that falls behind slows the reading down rather than piling up tables).
 * Calls `onProgress` every `progressEvery` rows; it may throw to stop (a cancel).
 */
export const stageImportRows = async ({
  sql,
  importId,
  encoding,
  delimiter,
  newline,
  validate,
  rejections,
  onBatch,
  onProgress,
  batchRows = 50_000,
  progressEvery = 50_000,
}: {
  sql: postgres.Sql;
  importId: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  newline: "\n" | "\r";
  validate: (fields: string[]) => RowVerdict;
  rejections: RejectionLog;
  onBatch: (batch: StagedBatch) => Promise<void>;
  onProgress: (progress: StageProgress) => Promise<void>;
  batchRows?: number;
  progressEvery?: number;
}): Promise<StageResult> => {
  const started = performance.now();
  let parseMs = 0;
  let rows = 0;
  let staged = 0;
  let headerSeen = false;
  const header: { problem: CsvProblem | null } = { problem: null };
  let parts: string[] = [];
  // Which emails and phones earlier lines had: a row that may repeat one names that line, for prepareBatch to confirm.
  const emails = new KeySet();
  const phones = new KeySet();
  // The original text of the batch's good rows, for rejections found once it is staged (duplicates...).
  let raws = new Map<number, string>();

  const parser: CsvParser = new CsvParser({
    delimiter,
    newline,
    onRecord: (fields, line) => {
      if (fields.length === 1 && fields[0] === "") return; // a blank line
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      const verdict = validate(fields);
      if (verdict.ok) {
        rows++;
        staged++;
        const { email, phone } = verdict.row;
        const emailSeenOn = email === null ? 0 : emails.add(stringKey(email), line);
        const phoneSeenOn = phone === null ? 0 : phones.add(phoneKey(phone), line);
        parts.push(formatStagedRow(line, verdict.row, emailSeenOn, phoneSeenOn));
        raws.set(line, parser.raw());
        return;
      }
      // A row of empty cells (",,,," from a spreadsheet) is a blank line, not a rejection.
      if (verdict.reason.startsWith("missing required") && fields.every((field) => field.trim() === "")) return;
      rows++;
      rejections.add(line, verdict.reason, parser.raw());
    },
    onProblem: (problem) => {
      if (!headerSeen) {
        header.problem ??= problem;
        return;
      }
      rows++;
      rejections.add(problem.line, problem.reason, problem.raw);
    },
  });

  // The batch being written: its table and its COPY stream.
  let batchIndex = 0;
  let batch: { table: string; copy: Writable; rows: number; failed: Error | null } | null = null;
  const open = async () => {
    const table = batchTableName(importId, batchIndex);
    await createBatchTable(sql, table);
    const copy = await sql`copy ${sql(table)} (${sql([...STAGING_COLUMNS])}) from stdin`.writable();
    const current = { table, copy, rows: 0, failed: null as Error | null };
    copy.on("error", (error) => (current.failed = error));
    batch = current;
    return current;
  };
  const write = async (rowsInText: number) => {
    if (!parts.length) return;
    const text = parts.join("");
    parts = [];
    const current = batch ?? (await open());
    current.rows += rowsInText;
    current.copy.write(text);
    if (current.copy.writableLength > COPY_BUFFER_CHARS) await once(current.copy, "drain");
  };
  const close = async () => {
    const current = batch;
    if (!current) return;
    batch = null;
    current.copy.end();
    await copyFinished(current.copy);
    if (current.failed) throw current.failed;
    await sql`analyze ${sql(current.table)}`;
    const index = batchIndex++;
    const batchRaws = raws;
    raws = new Map();
    let firstLine = Number.MAX_SAFE_INTEGER;
    let lastLine = 0;
    for (const line of batchRaws.keys()) {
      if (line < firstLine) firstLine = line;
      if (line > lastLine) lastLine = line;
    }
    await onBatch({ table: current.table, index, rows: current.rows, firstLine, lastLine, raws: batchRaws });
  };

  let nextProgress = progressEvery;
  let pendingRows = 0;
  try {
    let bytesRead = 0;
    for await (const piece of readImportText(importId, encoding)) {
      bytesRead = piece.bytesRead;
      const t = performance.now();
      const before = staged;
      // Postgres text cannot hold NUL characters (nor can JSON in jsonb): they are never meaningful in a CSV.
      parser.push(piece.text.includes("\u0000") ? piece.text.replace(/\u0000/g, "") : piece.text);
      parseMs += performance.now() - t;
      if (header.problem) throw new AppError("BAD_REQUEST", `The header row cannot be read: ${header.problem.reason}`);
      pendingRows += staged - before;
      await write(pendingRows);
      pendingRows = 0;
      if (batch && (batch as { rows: number }).rows >= batchRows) await close();
      if (rejections.needsFlush) await rejections.flush();
      if (rows >= nextProgress) {
        nextProgress = rows + progressEvery;
        await onProgress({ rows, bytesRead });
      }
    }
    const t = performance.now();
    const before = staged;
    parser.end();
    parseMs += performance.now() - t;
    if (header.problem) throw new AppError("BAD_REQUEST", `The header row cannot be read: ${header.problem.reason}`);
    await write(staged - before);
    await close();
    await rejections.flush();
    await onProgress({ rows, bytesRead });
  } catch (error) {
    const current = batch as { copy: Writable } | null;
    current?.copy.destroy(error as Error);
    throw error;
  }
  return { rows, staged, batches: batchIndex, parseMs: Math.round(parseMs), wallMs: Math.round(performance.now() - started) };
};
