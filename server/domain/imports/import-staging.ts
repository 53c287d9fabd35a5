import type postgres from "postgres";

/**
 * The scratch tables of one import run, all UNLOGGED (no WAL for data that only lives for the run)
 * and named after the import, so a retry finds and drops whatever a crashed attempt left behind:
 *   import_staging_<id>_<n>       good rows of batch n, COPYed in while the file is read
 *   import_staging_<id>_claimed   existing contacts already matched by an earlier line
 * None has a workspace_id column on purpose: they are never read outside the run.
 */
export const stagingPrefix = (importId: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new Error("not an import id");
  return `import_staging_${importId.replace(/-/g, "").toLowerCase()}`;
};

export const batchTableName = (importId: string, batch: number) => `${stagingPrefix(importId)}_${batch}`;

/** The COPY column order; CopyWriter writes the same order. */
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
  "email_seen_on",
  "phone_seen_on",
] as const;

export const createBatchTable = async (sql: postgres.Sql, table: string) => {
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
      -- the earlier line its email or phone may also be on (see KeySet): to be confirmed
      email_seen_on integer,
      phone_seen_on integer,
      -- the existing contact this row matched, and whether the row was rejected after staging
      contact_id uuid,
      rejected boolean not null default false
    )`;
};

/**
 * After the COPY: an index on line, for looking up the earlier lines a repeat names. Built once from
 * rows already in line order, which is cheaper than keeping a primary key up to date during the COPY.
 */
export const indexBatchTable = async (sql: postgres.Sql, table: string) => {
  await sql.unsafe(`create index on "${table}" (line)`);
  await sql`analyze ${sql(table)}`;
};

/** The table that remembers, across batches, which existing contacts a row has already matched. */
export const createClaimedTable = async (sql: postgres.Sql, importId: string) => {
  const table = `${stagingPrefix(importId)}_claimed`;
  await sql`drop table if exists ${sql(table)}`;
  await sql`create unlogged table ${sql(table)} (contact_id uuid primary key, line integer not null)`;
};

/** Drops every scratch table of the import, including ones a crashed attempt left. */
export const dropStagingTables = async (sql: postgres.Sql, importId: string) => {
  const tables = await sql<Array<{ name: string }>>`
    select relname as name from pg_class
    where relkind = 'r' and relnamespace = current_schema()::regnamespace and relname like ${`${stagingPrefix(importId)}\\_%`}`;
  for (const { name } of tables) await sql`drop table if exists ${sql(name)}`;
};
