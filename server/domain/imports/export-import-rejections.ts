import { sqlClient } from "@/server/db/client";
import { csvStream, safeFilename } from "@/server/domain/exports/csv-format";
import { findImportRow } from "./import-fields";

/** The rejected rows report as CSV (line, reason, raw), streamed in line order. */
export const exportImportRejections = async ({ workspaceId, importId }: { workspaceId: string; importId: string }) => {
  const row = await findImportRow({ workspaceId, importId });
  const rows = sqlClient()<Array<{ line: number; reason: string; raw: string | null }>>`
    select line, reason, raw from import_rejections where import_id = ${importId} order by line`.cursor(2000);
  const base = safeFilename(row.filename.replace(/\.(csv|txt|tsv)$/i, ""));
  return {
    filename: `${base}-rejected-rows.csv`,
    stream: csvStream(["line", "reason", "raw"], rows, (r) => [r.line, r.reason, r.raw]),
  };
};
