import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type postgres from "postgres";
import { AppError } from "@/server/errors";
import { CsvParser, type CsvProblem } from "./csv-parser";
import type { CsvDelimiter, CsvEncoding } from "./detect-format";
import { CopyWriter } from "./copy-writer";
import { batchTableName, createBatchTable, indexBatchTable, STAGING_COLUMNS } from "./import-staging";
import type { RejectionLog } from "./import-rejections";
import { KeySet, phoneKey, stringKey } from "./key-set";
import { readImportText } from "./read-import-file";
import type { RowValidator } from "./validate-import-row";

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

/** Bytes Node may queue ahead of Postgres, so it parses the next chunk while Postgres ingests. */
const COPY_BUFFER_BYTES = 16 * 1024 * 1024;

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
  keepAllRaws = true,
}: {
  sql: postgres.Sql;
  importId: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  newline: "\n" | "\r";
  validate: RowValidator;
  rejections: RejectionLog;
  onBatch: (batch: StagedBatch) => Promise<void>;
  onProgress: (progress: StageProgress) => Promise<void>;
  batchRows?: number;
  progressEvery?: number;
  /**
   * Keep every row's text for rejections found after staging. Without contacts to match (an empty
   * workspace), only repeats can be rejected then, and those rows are known while reading.
   */
  keepAllRaws?: boolean;
}): Promise<StageResult> => {
  const started = performance.now();
  let parseMs = 0;
  let rows = 0;
  let staged = 0;
  let headerSeen = false;
  const header: { problem: CsvProblem | null } = { problem: null };
  const writer = new CopyWriter();
  // Which emails and phones earlier lines had: a row that may repeat one names that line, for prepareBatch to confirm.
  const emails = new KeySet();
  const phones = new KeySet();
  // The original text of the batch's good rows, for rejections found once it is staged (duplicates...).
  let raws = new Map<number, string>();
  let firstLine = Number.MAX_SAFE_INTEGER;
  let lastLine = 0;

  const parser: CsvParser = new CsvParser({
    delimiter,
    newline,
    onRecord: (fields, line) => {
      if (fields.length === 1 && fields[0] === "") return; // a blank line
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      const reason = validate.check(fields);
      if (reason === null) {
        rows++;
        staged++;
        const row = validate.row;
        const emailSeenOn = row.email === null ? 0 : emails.add(stringKey(row.email), line);
        const phoneSeenOn = row.phone === null ? 0 : phones.add(phoneKey(row.phone), line);
        writer.row(line, row, emailSeenOn, phoneSeenOn);
        if (keepAllRaws || emailSeenOn || phoneSeenOn) raws.set(line, parser.raw());
        if (line < firstLine) firstLine = line;
        lastLine = line;
        return;
      }
      // A row of empty cells (",,,," from a spreadsheet) is a blank line, not a rejection.
      if (reason.startsWith("missing required") && fields.every((field) => field.trim() === "")) return;
      rows++;
      rejections.add(line, reason, parser.raw());
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
    if (!writer.length) return;
    const bytes = writer.take();
    const current = batch ?? (await open());
    current.rows += rowsInText;
    current.copy.write(bytes);
    if (current.copy.writableLength > COPY_BUFFER_BYTES) await once(current.copy, "drain");
  };
  const close = async () => {
    const current = batch;
    if (!current) return;
    batch = null;
    current.copy.end();
    await copyFinished(current.copy);
    if (current.failed) throw current.failed;
    await indexBatchTable(sql, current.table);
    const index = batchIndex++;
    const ready: StagedBatch = { table: current.table, index, rows: current.rows, firstLine, lastLine, raws };
    raws = new Map();
    firstLine = Number.MAX_SAFE_INTEGER;
    lastLine = 0;
    await onBatch(ready);
  };

  let nextProgress = progressEvery;
  let pendingRows = 0;
  try {
    let bytesRead = 0;
    for await (const piece of readImportText(importId, encoding, sql)) {
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
