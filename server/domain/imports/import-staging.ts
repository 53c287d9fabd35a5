import type postgres from "postgres";

/**
 * The per-import staging table good rows are COPYed into before the merge: UNLOGGED (no WAL for data
 * that only lives for one run), named after the import so a retry finds and replaces what a crashed
 * attempt left behind. It has no workspace_id column on purpose: it is never read outside the run.
 */
export const stagingTableName = (importId: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new Error("not an import id");
  return `import_staging_${importId.replace(/-/g, "").toLowerCase()}`;
};

/** The COPY column order; formatStagedRow writes the same order. */
export const STAGING_COLUMNS = [
  "line",
  "email",
  "phone",
  "phone_country",
  "first_name",
  "last_name",
  "timezone",
  "locale",
  "email_status",
  "sms_status",
  "attributes",
] as const;

export const createStagingTable = async (sql: postgres.Sql, table: string) => {
  await sql`drop table if exists ${sql(table)}`;
  await sql`
    create unlogged table ${sql(table)} (
      line integer not null,
      email text,
      phone text,
      phone_country text,
      first_name text,
      last_name text,
      timezone text,
      locale text,
      email_status consent_status,
      sms_status consent_status,
      attributes jsonb,
      -- the existing contact this row matched, filled in by the merge
      contact_id uuid
    )`;
};

export const dropStagingTable = async (sql: postgres.Sql, table: string) => {
  await sql`drop table if exists ${sql(table)}`;
};

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format: \N for null, backslash escapes for the characters it reserves. */
export const copyValue = (value: string | null) =>
  value === null ? "\\N" : NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
