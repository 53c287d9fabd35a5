import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { AppError } from "@/server/errors";
import { CsvParser, type CsvProblem } from "./csv-parser";
import type { CsvDelimiter, CsvEncoding } from "./detect-format";
import { copyValue, STAGING_COLUMNS } from "./import-staging";
import type { RejectionLog } from "./import-rejections";
import { readImportText } from "./read-import-file";
import type { RowVerdict, StagedRow } from "./validate-import-row";

export type StageProgress = { rows: number; bytesRead: number };

export type StageResult = {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  staged: number;
  /** Milliseconds spent in JavaScript decoding, parsing, validating and formatting rows. */
  parseMs: number;
  /** Wall time of the whole streaming COPY (parsing overlaps it). */
  wallMs: number;
};

const BATCH_CHARS = 512 * 1024;

const formatRow = (line: number, row: StagedRow) =>
  `${line}\t${copyValue(row.email)}\t${copyValue(row.phone)}\t${copyValue(row.phoneCountry)}\t${copyValue(row.firstName)}\t${copyValue(
    row.lastName,
  )}\t${copyValue(row.timezone)}\t${copyValue(row.locale)}\t${copyValue(row.emailStatus)}\t${copyValue(row.smsStatus)}\t${copyValue(
    row.attributes,
  )}\n`;

/**
 * Streams the uploaded file through the decoder, the CSV parser and the row validator, COPYing good
 * rows into the staging table as it goes (Postgres ingests on its own core while Node parses) and
 * logging bad ones with their line. Calls `onProgress` every `progressEvery` rows.
 */
export const stageImportRows = async ({
  sql,
  importId,
  table,
  encoding,
  delimiter,
  newline,
  validate,
  rejections,
  onProgress,
  progressEvery = 50_000,
}: {
  sql: postgres.Sql;
  importId: string;
  table: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  newline: "\n" | "\r";
  validate: (fields: string[]) => RowVerdict;
  rejections: RejectionLog;
  onProgress: (progress: StageProgress) => Promise<void>;
  progressEvery?: number;
}): Promise<StageResult> => {
  const started = performance.now();
  let parseMs = 0;
  let rows = 0;
  let staged = 0;
  let headerSeen = false;
  let out = "";
  let batches: string[] = [];
  let headerProblem: CsvProblem | null = null;

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
        out += formatRow(line, verdict.row);
        if (out.length >= BATCH_CHARS) {
          batches.push(out);
          out = "";
        }
        return;
      }
      // A row of empty cells (",,,," from a spreadsheet) is a blank line, not a rejection.
      if (verdict.reason.startsWith("missing required") && fields.every((field) => field.trim() === "")) return;
      rows++;
      rejections.add(line, verdict.reason, parser.raw());
    },
    onProblem: (problem) => {
      if (!headerSeen) {
        headerProblem ??= problem;
        return;
      }
      rows++;
      rejections.add(problem.line, problem.reason, problem.raw);
    },
  });

  let nextProgress = progressEvery;
  async function* copyText(): AsyncGenerator<string> {
    let bytesRead = 0;
    for await (const piece of readImportText(importId, encoding)) {
      bytesRead = piece.bytesRead;
      const t = performance.now();
      parser.push(piece.text);
      parseMs += performance.now() - t;
      if (headerProblem) throw new AppError("BAD_REQUEST", `The header row cannot be read: ${headerProblem.reason}`);
      const ready = batches;
      batches = [];
      for (const batch of ready) yield batch;
      if (rejections.needsFlush) await rejections.flush();
      if (rows >= nextProgress) {
        nextProgress = rows + progressEvery;
        await onProgress({ rows, bytesRead });
      }
    }
    const t = performance.now();
    parser.end();
    parseMs += performance.now() - t;
    if (headerProblem) throw new AppError("BAD_REQUEST", `The header row cannot be read: ${headerProblem.reason}`);
    for (const batch of batches) yield batch;
    if (out) yield out;
    batches = [];
    out = "";
    await rejections.flush();
    await onProgress({ rows, bytesRead });
  }

  const copy = await sql`copy ${sql(table)} (${sql([...STAGING_COLUMNS])}) from stdin`.writable();
  await pipeline(Readable.from(copyText(), { objectMode: false }), copy);
  return { rows, staged, parseMs: Math.round(parseMs), wallMs: Math.round(performance.now() - started) };
};
