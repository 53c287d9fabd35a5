import { sql } from "drizzle-orm";
import type { Executor } from "./client";

/**
 * ANALYZEs those of `tables` whose planner statistics no longer describe them: never analysed, or
 * grown by a fifth in pages, or a tenth of rows changed since the last analysis. Returns their names.
 *
 * Why: autovacuum catches up about a minute after a bulk change, but a campaign launched straight
 * after a 100k-row import would meanwhile be planned as if the workspace had a few hundred contacts,
 * and each batch's lookups turn into scans of the whole workspace (bench:send measured 160 ms per
 * 250-recipient batch instead of 2 ms, and the database's CPU, not SMTP, set the sending rate).
 * The page comparison notices a bulk insert at once; the change counter lags by up to seconds.
 * ANALYZE samples a fixed 30,000 rows, so it costs a fraction of a second however big the table.
 */
export const analyzeStaleTables = async (executor: Executor, tables: readonly string[]): Promise<string[]> => {
  const stale = await executor.execute<{ name: string }>(sql`
    select c.relname as name
    from pg_class c
    join pg_stat_user_tables s on s.relid = c.oid
    where c.relnamespace = current_schema()::regnamespace and c.relname = any(${sql.param([...tables])}::text[])
      and (
        (s.last_analyze is null and s.last_autoanalyze is null)
        or pg_relation_size(c.oid) / current_setting('block_size')::int > 1.2 * c.relpages + 8
        or s.n_mod_since_analyze > 0.1 * greatest(c.reltuples, 0) + 1000
      )`);
  for (const { name } of stale) await executor.execute(sql`analyze ${sql.identifier(name)}`);
  return stale.map((row) => row.name);
};
