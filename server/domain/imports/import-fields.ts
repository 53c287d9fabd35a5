import { and, eq, sql } from "drizzle-orm";
import { contactImports, lists } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { MAX_STORED_REJECTIONS } from "./import-rejections";

export const IMPORT_JOB = "contacts/import";
export const importJobKey = (importId: string) => `${IMPORT_JOB}:${importId}`;

/**
 * What callers see of an import. `phase` adds to the stored status what the UI needs to say:
 * "mapping" (uploaded, waiting to be configured and started) and "queued" (started; the job has not
 * picked it up yet, or is waiting to retry) are both status "pending" in the table.
 */
export const importColumns = {
  id: contactImports.id,
  filename: contactImports.filename,
  sizeBytes: contactImports.sizeBytes,
  status: contactImports.status,
  encoding: contactImports.encoding,
  delimiter: contactImports.delimiter,
  columns: contactImports.columns,
  mapping: contactImports.mapping,
  policy: contactImports.policy,
  listId: contactImports.listId,
  listName: lists.name,
  totalRows: contactImports.totalRows,
  processedRows: contactImports.processedRows,
  insertedRows: contactImports.insertedRows,
  updatedRows: contactImports.updatedRows,
  skippedRows: contactImports.skippedRows,
  rejectedRows: contactImports.rejectedRows,
  error: contactImports.error,
  createdAt: contactImports.createdAt,
  startedAt: contactImports.startedAt,
  finishedAt: contactImports.finishedAt,
  queued: sql<boolean>`exists (select 1 from graphile_worker.jobs j where j.key = ${IMPORT_JOB} || ':' || ${contactImports.id}::text)`,
};

type ImportRow = Awaited<ReturnType<typeof selectImports>>[number];

export type ImportPhase = "uploading" | "mapping" | "queued" | "running" | "completed" | "failed" | "cancelled";

export const asImport = ({ queued, mapping: _mapping, ...row }: ImportRow) => ({
  ...row,
  phase: (row.status === "pending" ? (queued ? "queued" : "mapping") : row.status) as ImportPhase,
  /** More rows were rejected than are kept (the first MAX_STORED_REJECTIONS are). */
  rejectionsTruncated: row.rejectedRows > MAX_STORED_REJECTIONS,
});
export type ImportSummary = ReturnType<typeof asImport>;

export const selectImports = (executor: Executor = db) =>
  executor
    .select(importColumns)
    .from(contactImports)
    .leftJoin(lists, and(eq(lists.id, contactImports.listId), eq(lists.workspaceId, contactImports.workspaceId)));

/** One import of the workspace (NOT_FOUND for another workspace's id too, so ids cannot be probed). */
export const findImportRow = async ({ workspaceId, importId, executor = db }: { workspaceId: string; importId: string; executor?: Executor }) => {
  const [row] = await selectImports(executor).where(and(eq(contactImports.id, importId), eq(contactImports.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "No import with that id in this workspace");
  return row;
};
