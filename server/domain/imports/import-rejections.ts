import type postgres from "postgres";

/** Rejected rows kept per import; beyond this only the count grows (the UI and report say so). */
export const MAX_STORED_REJECTIONS = 100_000;
const RAW_MAX = 2000;
const BATCH = 2000;

export type Rejection = { line: number; reason: string; raw: string | null };

/**
 * Collects an import's rejected rows and writes them in batches, keeping the first
 * MAX_STORED_REJECTIONS of them while counting all of them.
 */
export class RejectionLog {
  count = 0;
  stored = 0;
  private pending: Rejection[] = [];

  constructor(
    private readonly sql: postgres.Sql,
    private readonly importId: string,
    private readonly cap = MAX_STORED_REJECTIONS,
  ) {}

  add(line: number, reason: string, raw: string | null) {
    this.count++;
    if (this.stored + this.pending.length >= this.cap) return;
    this.pending.push({ line, reason, raw: raw === null ? null : raw.length > RAW_MAX ? raw.slice(0, RAW_MAX) : raw });
  }

  get needsFlush() {
    return this.pending.length >= BATCH;
  }

  /** How many more rejections would still be stored. */
  get room() {
    return Math.max(0, this.cap - this.stored - this.pending.length);
  }

  async flush(sql: postgres.Sql | postgres.TransactionSql = this.sql) {
    while (this.pending.length) {
      const batch = this.pending.splice(0, BATCH);
      const rows = batch.map(({ line, reason, raw }) => ({ import_id: this.importId, line, reason, raw }));
      await sql`insert into import_rejections ${sql(rows, "import_id", "line", "reason", "raw")} on conflict do nothing`;
      this.stored += batch.length;
    }
  }
}
