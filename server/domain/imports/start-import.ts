import { and, eq, sql } from "drizzle-orm";
import { attributeDefinitions, contactImports } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { addJob } from "@/server/jobs/add-job";
import { asImport, findImportRow, IMPORT_JOB, importJobKey } from "./import-fields";
import { decodeMapping, encodeMapping, type ColumnTarget } from "./import-mapping";
import { getImport } from "./get-import";

/** Attempts before an import that keeps failing (the database went away, say) is marked failed. */
export const IMPORT_MAX_ATTEMPTS = 3;

const labelFromKey = (key: string) => key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

/**
 * Queues the import: in one transaction, creates the attributes the mapping asked for, resets the
 * counters and queues "contacts/import" (status stays "pending" with started_at null until the job
 * claims it), so there is never a queued job without its import or an import that says queued without a job.
 */
export const startImport = async ({ workspaceId, importId }: { workspaceId: string; importId: string }) => {
  await db.transaction(async (tx) => {
    // Locks the row: two clicks on Start queue one job.
    await tx.execute(sql`select 1 from contact_imports where id = ${importId} and workspace_id = ${workspaceId} for update`);
    const row = await findImportRow({ workspaceId, importId, executor: tx });
    const summary = asImport(row);
    if (summary.phase !== "mapping" && summary.phase !== "failed") {
      throw new AppError("CONFLICT", `This import is already ${summary.phase}`);
    }
    if (!row.mapping) throw new AppError("PRECONDITION_FAILED", "Map the columns first (imports.configure)");

    const mapping = decodeMapping(row.mapping);
    const columns = new Map<number, ColumnTarget>();
    for (const [index, target] of mapping.columns) {
      if (target.kind !== "new_attribute") {
        columns.set(index, target);
        continue;
      }
      await tx
        .insert(attributeDefinitions)
        .values({ workspaceId, key: target.key, label: labelFromKey(target.key), type: target.type })
        .onConflictDoNothing();
      const [definition] = await tx
        .select({ type: attributeDefinitions.type })
        .from(attributeDefinitions)
        .where(and(eq(attributeDefinitions.workspaceId, workspaceId), eq(attributeDefinitions.key, target.key)));
      if (definition?.type !== target.type) {
        throw new AppError("CONFLICT", `An attribute "${target.key}" already exists with type ${definition?.type}; map the column to it instead`);
      }
      columns.set(index, { kind: "attribute", key: target.key });
    }

    await tx
      .update(contactImports)
      .set({
        mapping: encodeMapping({ columns, defaultCountry: mapping.defaultCountry }),
        status: "pending",
        startedAt: null,
        finishedAt: null,
        error: null,
        totalRows: null,
        processedRows: 0,
        insertedRows: 0,
        updatedRows: 0,
        skippedRows: 0,
        rejectedRows: 0,
      })
      .where(and(eq(contactImports.id, importId), eq(contactImports.workspaceId, workspaceId)));
    await addJob(tx, IMPORT_JOB, { importId, workspaceId }, { jobKey: importJobKey(importId), maxAttempts: IMPORT_MAX_ATTEMPTS });
  });
  return getImport({ workspaceId, importId });
};
