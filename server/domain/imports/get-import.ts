import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { asImport, findImportRow } from "./import-fields";
import { decodeMapping, guessMapping, type ColumnTarget } from "./import-mapping";
import { readImportChunks } from "./read-import-file";
import { previewCsv, type CsvPreview } from "./upload-import";
import { CHUNK_BYTES } from "./upload-import";

export type ImportDetail = Awaited<ReturnType<typeof getImport>>;

/**
 * One import with what its pages need: while it waits for a mapping, the header with sample rows and
 * a mapping to start from (the saved one, else a guess from the header names); once finished, counts.
 */
export const getImport = async ({ workspaceId, importId }: { workspaceId: string; importId: string }) => {
  const row = await findImportRow({ workspaceId, importId });
  const summary = asImport(row);
  let preview: Pick<CsvPreview, "columns" | "rows"> | null = null;
  let mapping: { columns: ColumnTarget[]; defaultCountry: string | null } | null = null;
  if (summary.phase === "mapping" || summary.phase === "queued" || (summary.status === "failed" && row.encoding)) {
    preview = await readPreview(importId, row.encoding as CsvPreview["encoding"], Number(row.sizeBytes));
  }
  const columns = row.columns ?? [];
  if (columns.length) {
    const stored = decodeMapping(row.mapping);
    if (row.mapping) {
      mapping = { columns: columns.map((_, index) => stored.columns.get(index) ?? { kind: "ignore" }), defaultCountry: stored.defaultCountry };
    } else {
      const attributes = await listAttributeDefinitions({ workspaceId });
      mapping = { columns: guessMapping(columns, attributes), defaultCountry: null };
    }
  }
  return { ...summary, columns, preview, mapping };
};

const readPreview = async (importId: string, encoding: CsvPreview["encoding"], sizeBytes: number) => {
  for await (const chunk of readImportChunks(importId)) {
    const { columns, rows } = previewCsv(chunk, encoding, sizeBytes <= CHUNK_BYTES);
    return { columns, rows };
  }
  return null;
};
