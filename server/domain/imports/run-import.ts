import postgres from "postgres";
import { env } from "@/server/env";
import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { AppError, isAppError } from "@/server/errors";
import { logger as rootLogger } from "@/server/logger";
import { createDecoder, detectNewline, type CsvDelimiter, type CsvEncoding } from "./detect-format";
import { decodeMapping, type ContactField } from "./import-mapping";
import { RejectionLog } from "./import-rejections";
import { createClaimedTable, dropStagingTables } from "./import-staging";
import { BatchQueue } from "./batch-queue";
import { ImportMerge, type ImportPolicy, type MergeCounts } from "./merge-import";
import { prepareBatch, type StagedTable } from "./prepare-import-batch";
import { readImportChunks } from "./read-import-file";
import { stageImportRows } from "./stage-import-rows";
import { createRowValidator } from "./validate-import-row";
import { queueListJoinEntrySql } from "@/server/domain/journeys/runtime/triggers/list-joined";

export type RunImportOptions = {
  importId: string;
  /** graphile-worker's attempt number and limit: a failure before the last attempt is retried. */
  attempt?: number;
  maxAttempts?: number;
  logger?: Pick<typeof rootLogger, "info" | "warn" | "error">;
  /** Rows per staging batch (tests use tiny ones to cross batch boundaries). */
  batchRows?: number;
};

export type RunImportResult =
  | { outcome: "completed"; rows: number; rejected: number; counts: MergeCounts; timings: ImportTimings }
  | { outcome: "failed" | "cancelled" | "skipped"; error?: string };

/** Where the time went, for the benchmark and the log line: parsing overlaps the COPY. */
export type ImportTimings = {
  /** Reading, parsing, validating and COPYing the file; the merge runs alongside. */
  stageMs: number;
  /** Of which Node's own work: decoding, parsing, validating, formatting. */
  parseMs: number;
  /** Time the merge transaction was busy (mostly overlapping the stage). */
  mergeMs: number;
  /** What was left of the merge once the last batch was staged: the part that adds to the total. */
  mergeTailMs: number;
  mergeSteps: Record<string, number>;
  /** Per step of checking batches (duplicates, matching, conflicts), beside the parsing. */
  prepareSteps: Record<string, number>;
  totalMs: number;
};

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
 * Three things run at once, so both cores work: Node reads, parses and validates the file and COPYs
 * good rows into staging tables batch by batch (stageImportRows); each staged batch is checked for
 * repeats, matches and conflicts in a short transaction of its own (prepareBatch); and one transaction
 * for the whole import writes the contacts batch by batch (ImportMerge) and commits at the end, so
 * contacts are either fully imported or untouched.
 *
 * Safe to run again after a crash: it claims the import (pending, or a crashed running attempt),
 * clears what an earlier attempt recorded and drops its staging tables. Bad rows are an expected
 * outcome (logged with their line); an AppError (say, a header that cannot be read) fails the
 * import for good; anything else is retried until `maxAttempts`.
 */
export const runImport = async (options: RunImportOptions): Promise<RunImportResult> => {
  // An import keeps several connections busy at once (the merge transaction, a COPY, a batch check,
  // reads of the file). Its own small pool means concurrent imports can never take all of the
  // process's connections and leave each other waiting for one.
  const sql = postgres(env().DATABASE_URL, {
    max: IMPORT_CONNECTIONS,
    onnotice: () => {},
    connection: { application_name: `${process.env.HERALD_PROCESS ?? "herald"}-import` },
  });
  try {
    return await run(sql, options);
  } finally {
    await sql.end({ timeout: 5 });
  }
};

/** Connections one import run may hold: see runImport. Five are in use at the busiest moment. */
const IMPORT_CONNECTIONS = 6;

const run = async (sql: postgres.Sql, { importId, attempt = 1, maxAttempts = 1, logger = rootLogger, batchRows }: RunImportOptions): Promise<RunImportResult> => {
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
    const newline = await firstChunkNewline(sql, importId, encoding);

    await sql`delete from import_rejections where import_id = ${importId}`;
    const rejections = new RejectionLog(sql, importId);
    await dropStagingTables(sql, importId);
    await createClaimedTable(sql, importId);
    const [workspace] = await sql<Array<{ existing: boolean }>>`select exists (select 1 from contacts where workspace_id = ${claimed.workspace_id}) as existing`;
    const matchExisting = workspace?.existing ?? true;

    // The merge transaction takes batches as the reader stages them; see ImportMerge.
    const sizeBytes = Number(claimed.size_bytes);
    const batches = new BatchQueue();
    const mergeSteps: Record<string, number> = {};
    let mergeBusyMs = 0;
    let stageRows = 0;
    const prepareSteps: Record<string, number> = {};
    let preparing: Promise<void> = Promise.resolve();
    const inFlight: Array<Promise<void>> = [];
    const tables: StagedTable[] = [];
    const merging = sql.begin(async (tx) => {
      const merge = new ImportMerge({
        tx,
        importId,
        workspaceId: claimed.workspace_id,
        policy: claimed.policy,
        listId: claimed.list_id,
        mapped,
        mapsAttributes,
        rejections,
        steps: mergeSteps,
      });
      await merge.begin();
      for (let batch = await batches.next(); batch; batch = await batches.next()) {
        const t = performance.now();
        await merge.mergeBatch(batch.table, batch.matched);
        mergeBusyMs += performance.now() - t;
      }
      const t = performance.now();
      const merged = merge.counts;
      // Only now, at the very end, is the import row locked: a cancel that came in meanwhile wins.
      const [current] = await tx<Array<{ status: string }>>`select status from contact_imports where id = ${importId} for update`;
      if (current?.status !== "running") throw new ImportCancelled();
      await tx`
        update contact_imports
        set status = 'completed', finished_at = clock_timestamp(), total_rows = ${stageRows}, processed_rows = ${stageRows},
            inserted_rows = ${merged.inserted}, updated_rows = ${merged.updated}, skipped_rows = ${merged.skipped},
            rejected_rows = ${rejections.count}, error = null
        where id = ${importId}`;
      // "Joined a list" journeys for everyone this import added or re-subscribed, once it has committed.
      if (claimed.list_id) await tx.unsafe(queueListJoinEntrySql, [claimed.workspace_id, claimed.list_id]);
      // The file has served its purpose; keeping a copy of every upload would only grow the database.
      await tx`delete from import_chunks where import_id = ${importId}`;
      mergeBusyMs += performance.now() - t;
      return merged;
    });
    // If the merge fails first, the reader must stop too (and vice versa, below).
    merging.catch((error) => batches.fail(error));

    let stage: Awaited<ReturnType<typeof stageImportRows>>;
    const stageStarted = performance.now();
    try {
      stage = await stageImportRows({
        sql,
        importId,
        encoding,
        delimiter,
        newline,
        validate,
        rejections,
        batchRows,
        keepAllRaws: matchExisting,
        // Each batch is checked (duplicates, matches, conflicts) in its own short transaction, one after
        // another but alongside the parsing, then handed to the merge transaction.
        onBatch: async (batch) => {
          tables.push({ table: batch.table, firstLine: batch.firstLine, lastLine: batch.lastLine });
          const upTo = [...tables];
          const ready = preparing.then(async () => {
            const { matched } = await prepareBatch({
              sql,
              importId,
              workspaceId: claimed.workspace_id,
              policy: claimed.policy,
              mapped,
              rejections,
              tables: upTo,
              raws: batch.raws,
              matchExisting,
              steps: prepareSteps,
            });
            await batches.push({ table: batch.table, matched });
          });
          preparing = ready;
          ready.catch((error) => batches.fail(error));
          inFlight.push(ready);
          // At most two batches waiting to be checked: a slow merge slows the reading instead of filling the disk.
          while (inFlight.length > 2) await inFlight.shift();
        },
        // Short transactions of their own, so the UI can show progress; also where a cancel is noticed.
        onProgress: async ({ rows, bytesRead }) => {
          const estimate = bytesRead > 0 ? Math.max(rows, Math.round((rows * sizeBytes) / bytesRead)) : null;
          const [row] = await sql<Array<{ status: string }>>`
            update contact_imports set processed_rows = ${rows}, total_rows = ${estimate}, rejected_rows = ${rejections.count}
            where id = ${importId} returning status`;
          if (row?.status !== "running") throw new ImportCancelled();
        },
      });
      stageRows = stage.rows;
      await preparing;
      batches.end();
    } catch (error) {
      batches.fail(error);
      await merging.catch(() => {});
      throw error;
    }
    const stageEnded = performance.now();
    const counts = await merging;
    const timings: ImportTimings = {
      stageMs: Math.round(stageEnded - stageStarted),
      parseMs: stage.parseMs,
      mergeMs: Math.round(mergeBusyMs),
      mergeTailMs: Math.round(performance.now() - stageEnded),
      mergeSteps,
      prepareSteps,
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
    await dropStagingTables(sql, importId).catch((error) => logger.warn({ ...log, err: error }, "could not drop the staging tables"));
  }
};

/** Line breaks are detected again rather than stored: the first chunk decides, as it did at upload. */
const firstChunkNewline = async (sql: postgres.Sql, importId: string, encoding: CsvEncoding) => {
  for await (const chunk of readImportChunks(importId, sql)) return detectNewline(createDecoder(encoding).decode(chunk));
  throw new AppError("PRECONDITION_FAILED", "The uploaded file is gone");
};
