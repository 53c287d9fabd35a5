import { and, eq, sql } from "drizzle-orm";
import { contactImports, importChunks } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { asImport, findImportRow, importJobKey } from "./import-fields";
import { getImport } from "./get-import";

/**
 * Stops an import that has not finished. Before it runs: the job is removed and the file deleted.
 * While it runs: the status changes and the worker stops at its next progress check (every ~50k rows)
 * or before merging, rolling nothing in. Once merging has begun it finishes, and cancel says so.
 */
export const cancelImport = async ({ workspaceId, importId }: { workspaceId: string; importId: string }) => {
  await db.transaction(async (tx) => {
    // The merge holds this row's lock while it writes contacts: waiting here means we see its outcome.
    await tx.execute(sql`select 1 from contact_imports where id = ${importId} and workspace_id = ${workspaceId} for update`);
    const summary = asImport(await findImportRow({ workspaceId, importId, executor: tx }));
    if (summary.phase === "completed" || summary.phase === "failed" || summary.phase === "cancelled") {
      throw new AppError("CONFLICT", `This import has already ${summary.phase === "cancelled" ? "been cancelled" : summary.phase}`);
    }
    if (summary.phase === "uploading") throw new AppError("CONFLICT", "This import is still uploading");
    await tx
      .update(contactImports)
      .set({ status: "cancelled", finishedAt: new Date(), error: null })
      .where(and(eq(contactImports.id, importId), eq(contactImports.workspaceId, workspaceId)));
    if (summary.phase !== "running") {
      await tx.execute(sql`select graphile_worker.remove_job(${importJobKey(importId)})`);
      await tx.delete(importChunks).where(eq(importChunks.importId, importId));
    }
  });
  return getImport({ workspaceId, importId });
};
