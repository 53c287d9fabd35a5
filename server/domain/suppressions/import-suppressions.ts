import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { invalidField } from "@/server/errors";
import { ZCountryCode, ZSuppressionReason } from "./create-suppression";
import { firstColumn, looksLikeHeader, parseSuppressionEntry, type SuppressionEntry } from "./suppression-entry";

export const MAX_IMPORT_LINES = 100_000;
const MAX_REPORTED_PROBLEMS = 200;

export const ZImportSuppressions = z.object({
  /** One entry per line (emails, @domains or domains, phone numbers); for CSV, the first column. */
  text: z.string().max(5 * 1024 * 1024, "Paste or upload at most 5 MB at a time"),
  reason: ZSuppressionReason.default("manual"),
  note: z.string().trim().max(500).nullish(),
  defaultCountry: ZCountryCode.nullish(),
});

export type ImportSuppressionsOptions = z.input<typeof ZImportSuppressions> & { workspaceId: string; createdBy?: string | null };

export type ImportSuppressionsResult = {
  /** Entries read (blank lines and a header row are not counted). */
  entries: number;
  added: number;
  /** Valid entries that were already suppressed, or repeated in the text. */
  duplicates: number;
  invalidCount: number;
  /** The first problems, by line number (1-based), to show beside the text. */
  invalid: Array<{ line: number; value: string; reason: string }>;
};

/** Bulk suppression from pasted text or a small file. Duplicates are skipped, never errors. */
export const importSuppressions = async ({ workspaceId, createdBy = null, ...input }: ImportSuppressionsOptions): Promise<ImportSuppressionsResult> => {
  const parsedInput = ZImportSuppressions.safeParse(input);
  if (!parsedInput.success) throw invalidField(String(parsedInput.error.issues[0]?.path[0] ?? "text"), parsedInput.error.issues[0]!.message);
  const { text, reason, note, defaultCountry } = parsedInput.data;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  if (lines.length > MAX_IMPORT_LINES) {
    throw invalidField("text", `At most ${MAX_IMPORT_LINES.toLocaleString("en")} lines at a time (got ${lines.length.toLocaleString("en")})`);
  }

  const unique = new Map<string, SuppressionEntry>();
  const invalid: ImportSuppressionsResult["invalid"] = [];
  let entries = 0;
  let invalidCount = 0;
  let seenContent = false;
  lines.forEach((line, index) => {
    const cell = firstColumn(line);
    if (!cell || cell.startsWith("#")) return;
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && looksLikeHeader(cell)) return;
    entries++;
    const entry = parseSuppressionEntry(cell, defaultCountry);
    if (!entry.ok) {
      invalidCount++;
      if (invalid.length < MAX_REPORTED_PROBLEMS) invalid.push({ line: index + 1, value: cell.slice(0, 100), reason: entry.reason });
      return;
    }
    unique.set(`${entry.kind}:${entry.value}`, { kind: entry.kind, value: entry.value });
  });

  let added = 0;
  if (unique.size) {
    const values = [...unique.values()];
    const inserted = await db.execute<{ n: number }>(sql`
      with added as (
        insert into suppressions (workspace_id, kind, value, reason, note, created_by)
        select ${workspaceId}, kind::suppression_kind, value, ${reason}::suppression_reason, ${note || null}, ${createdBy}
        from unnest(${sql.param(values.map((v) => v.kind))}::text[], ${sql.param(values.map((v) => v.value))}::text[]) as t(kind, value)
        on conflict (workspace_id, kind, value) do nothing
        returning 1
      )
      select count(*)::int as n from added`);
    added = inserted[0]?.n ?? 0;
  }
  return { entries, added, duplicates: entries - invalidCount - added, invalidCount, invalid };
};
