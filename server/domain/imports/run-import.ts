import { sqlClient } from "@/server/db/client";
import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { AppError, isAppError } from "@/server/errors";
import { logger as rootLogger } from "@/server/logger";
import { createDecoder, detectNewline, type CsvDelimiter, type CsvEncoding } from "./detect-format";
import { decodeMapping, type ContactField } from "./import-mapping";
import { RejectionLog, readRawLines } from "./import-rejections";
import { createStagingTable, dropStagingTable, stagingTableName } from "./import-staging";
import { mergeImport, type ImportPolicy, type MergeCounts } from "./merge-import";
import { readImportChunks } from "./read-import-file";
import { stageImportRows } from "./stage-import-rows";
import { createRowValidator } from "./validate-import-row";

export type RunImportOptions = {
  importId: string;
  /** graphile-worker's attempt number and limit: a failure before the last attempt is retried. */
  attempt?: number;
  maxAttempts?: number;
  logger?: Pick<typeof rootLogger, "info" | "warn" | "error">;
};

export type RunImportResult =
  | { outcome: "completed"; rows: number; rejected: number; counts: MergeCounts; timings: ImportTimings }
  | { outcome: "failed" | "cancelled" | "skipped"; error?: string };

/** Where the time went, for the benchmark and the log line: parsing overlaps the COPY. */
export type ImportTimings = { stageMs: number; parseMs: number; copyWaitMs: number; mergeMs: number; totalMs: number };

class ImportCancelled extends Error {}

type ImportRow = {
  id: string;
  workspace_id: string;
  list_id: string | null;
  encoding: CsvEncoding | null;
  delimiter: CsvDelimiter | null;
  columns: string[] | null;
  mapping: Record<string, string> | null;
  policy: ImportPolicy;
  size_bytes: string | number;
};

/**
 * Runs one import from its stored file to merged contacts: the job behind "contacts/import".
 *
 * Safe to run again after a crash: it claims the import (pending or a crashed running attempt),
 * clears what an earlier attempt recorded, recreates the staging table, and merges in one
 * transaction, so contacts are either fully imported or untouched. Bad rows are an expected
 * outcome (logged with their line); an AppError (say, a header that cannot be read) fails the
 * import for good; anything else is retried until `maxAttempts`.
 */
export const runImport = async ({ importId, attempt = 1, maxAttempts = 1, logger = rootLogger }: RunImportOptions): Promise<RunImportResult> => {
  const sql = sqlClient();
  const started = performance.now();
  const [claimed] = await sql<ImportRow[]>`
    update contact_imports
    set status = 'running', started_at = now(), finished_at = null, error = null, processed_rows = 0, total_rows = null,
        inserted_rows = 0, updated_rows = 0, skipped_rows = 0, rejected_rows = 0
    where id = ${importId} and status in ('pending', 'running')
    returning id, workspace_id, list_id, encoding, delimiter, columns, mapping, policy, size_bytes`;
  if (!claimed) {
    logger.info({ importId }, "import is not waiting to run (cancelled, finished or gone); nothing to do");
    return { outcome: "skipped" };
  }
  const table = stagingTableName(importId);
  const log = { importId, workspaceId: claimed.workspace_id, attempt };

  try {
    if (!claimed.encoding || !claimed.delimiter || !claimed.columns || !claimed.mapping) {
      throw new AppError("PRECONDITION_FAILED", "The import was never configured");
    }
    const encoding = claimed.encoding;
    const delimiter = claimed.delimiter;
    const mapping = decodeMapping(claimed.mapping);
    const attributes = await listAttributeDefinitions({ workspaceId: claimed.workspace_id });
    const mapped = new Set<ContactField>();
    let mapsAttributes = false;
    for (const target of mapping.columns.values()) {
      if (target.kind === "field") mapped.add(target.field);
      if (target.kind === "attribute") mapsAttributes = true;
      if (target.kind === "new_attribute") throw new AppError("PRECONDITION_FAILED", "The import's new attributes were never created");
    }
    const validate = createRowValidator({ columnCount: claimed.columns.length, mapping, attributes });
    const newline = await firstChunkNewline(importId, encoding);

    await sql`delete from import_rejections where import_id = ${importId}`;
    const rejections = new RejectionLog(sql, importId);
    await createStagingTable(sql, table);

    const sizeBytes = Number(claimed.size_bytes);
    const stage = await stageImportRows({
      sql,
      importId,
      table,
      encoding,
      delimiter,
      newline,
      validate,
      rejections,
      // Short transactions of their own, so the UI can show progress; also where a cancel is noticed.
      onProgress: async ({ rows, bytesRead }) => {
        const estimate = bytesRead > 0 ? Math.max(rows, Math.round((rows * sizeBytes) / bytesRead)) : null;
        const [row] = await sql<Array<{ status: string }>>`
          update contact_imports set processed_rows = ${rows}, total_rows = ${estimate}, rejected_rows = ${rejections.count}
          where id = ${importId} returning status`;
        if (row?.status !== "running") throw new ImportCancelled();
      },
    });
    await sql`analyze ${sql(table)}`;

    const mergeStarted = performance.now();
    const counts = await sql.begin(async (tx) => {
      const [current] = await tx<Array<{ status: string }>>`select status from contact_imports where id = ${importId} for update`;
      if (current?.status !== "running") throw new ImportCancelled();
      const merged = await mergeImport({
        tx,
        importId,
        workspaceId: claimed.workspace_id,
        table,
        policy: claimed.policy,
        listId: claimed.list_id,
        mapped,
        mapsAttributes,
        rejections,
        rawLines: (lines) => readRawLines({ importId, encoding, delimiter, newline, lines }),
      });
      await tx`
        update contact_imports
        set status = 'completed', finished_at = now(), total_rows = ${stage.rows}, processed_rows = ${stage.rows},
            inserted_rows = ${merged.inserted}, updated_rows = ${merged.updated}, skipped_rows = ${merged.skipped},
            rejected_rows = ${rejections.count}, error = null
        where id = ${importId}`;
      // The file has served its purpose; keeping a copy of every upload would only grow the database.
      await tx`delete from import_chunks where import_id = ${importId}`;
      return merged;
    });
    const mergeMs = performance.now() - mergeStarted;
    const timings: ImportTimings = {
      stageMs: stage.wallMs,
      parseMs: stage.parseMs,
      copyWaitMs: Math.max(0, stage.wallMs - stage.parseMs),
      mergeMs: Math.round(mergeMs),
      totalMs: Math.round(performance.now() - started),
    };
    logger.info({ ...log, rows: stage.rows, rejected: rejections.count, ...counts, ...timings }, "import completed");
    return { outcome: "completed", rows: stage.rows, rejected: rejections.count, counts, timings };
  } catch (error) {
    if (error instanceof ImportCancelled) {
      await sql`delete from import_chunks where import_id = ${importId}`;
      logger.info(log, "import cancelled while running");
      return { outcome: "cancelled" };
    }
    const retrying = !isAppError(error) && attempt < maxAttempts;
    const message = isAppError(error) ? error.message : `The import failed: ${(error as Error).message ?? String(error)}`;
    await sql`
      update contact_imports
      set status = ${retrying ? "pending" : "failed"},
          error = ${retrying ? `${message} (attempt ${attempt} of ${maxAttempts}; retrying)` : message},
          started_at = ${retrying ? null : sql`started_at`}, finished_at = ${retrying ? null : sql`now()`}
      where id = ${importId} and status = 'running'`;
    if (retrying) throw error;
    logger.error({ ...log, err: error }, "import failed");
    return { outcome: "failed", error: message };
  } finally {
    await dropStagingTable(sql, table).catch((error) => logger.warn({ ...log, err: error }, "could not drop the staging table"));
  }
};

/** Line breaks are detected again rather than stored: the first chunk decides, as it did at upload. */
const firstChunkNewline = async (importId: string, encoding: CsvEncoding) => {
  for await (const chunk of readImportChunks(importId)) return detectNewline(createDecoder(encoding).decode(chunk));
  throw new AppError("PRECONDITION_FAILED", "The uploaded file is gone");
};
