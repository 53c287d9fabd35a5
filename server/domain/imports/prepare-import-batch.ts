import type postgres from "postgres";
import { stagingPrefix } from "./import-staging";
import { timer, type LineReason, type MergeOptions } from "./merge-import";

export type StagedTable = { table: string; firstLine: number; lastLine: number };
type SeenRow = { line: number; email: string | null; phone: string | null; email_seen_on: number | null; phone_seen_on: number | null };

/**
 * Which flagged rows really repeat an earlier line: each names the line its email or phone was first
 * on (from the reader's key sets), so the check is a primary-key lookup of those lines in whichever
 * batch tables hold them. A row whose email only collided with another's hash is then checked against
 * every staged row with that email (rare: one in billions).
 */
export const confirmRepeats = async (tx: postgres.TransactionSql, tables: readonly StagedTable[], flagged: SeenRow[]) => {
  const tableOf = (line: number) => tables.find((t) => line >= t.firstLine && line <= t.lastLine)?.table;
  const wanted = new Map<string, number[]>();
  for (const row of flagged) {
    for (const line of [row.email_seen_on, row.phone_seen_on]) {
      const table = line ? tableOf(line) : undefined;
      if (!table) continue;
      const lines = wanted.get(table);
      if (lines) lines.push(line!);
      else wanted.set(table, [line!]);
    }
  }
  const earlier = new Map<number, { email: string | null; phone: string | null }>();
  for (const [table, lines] of wanted) {
    const rows = await tx.unsafe<Array<{ line: number; email: string | null; phone: string | null }>>(
      `select line, email, phone from "${table}" where line = any($1::int[])`,
      [[...new Set(lines)]],
    );
    for (const row of rows) earlier.set(row.line, row);
  }
  const repeats: LineReason[] = [];
  const collided: SeenRow[] = [];
  for (const row of flagged) {
    if (row.email_seen_on && earlier.get(row.email_seen_on)?.email === row.email) {
      repeats.push({ line: row.line, reason: `duplicate in file: email ${row.email} is also on line ${row.email_seen_on}` });
    } else if (row.phone_seen_on && earlier.get(row.phone_seen_on)?.phone === row.phone) {
      repeats.push({ line: row.line, reason: `duplicate in file: phone ${row.phone} is also on line ${row.phone_seen_on}` });
    } else if (row.email_seen_on) {
      collided.push(row);
    }
  }
  if (collided.length) {
    const staged = tables.map(({ table }) => `select line, email from "${table}"`).join(" union all ");
    repeats.push(
      ...(await tx.unsafe<LineReason[]>(
        `select s.line, 'duplicate in file: email ' || s.email || ' is also on line ' || min(e.line) as reason
         from unnest($1::int[], $2::text[]) as s(line, email) join (${staged}) e on e.email = s.email and e.line < s.line
         group by s.line, s.email`,
        [collided.map((row) => row.line), collided.map((row) => row.email!)],
      )),
    );
  }
  return repeats;
};

/**
 * Readies one staged batch for the merge, in a short transaction of its own beside the merge
 * transaction (so it runs on the other core): rejects, in line order,
 *   1. rows that repeat an email or phone seen on an earlier line of the file (keep the first),
 *   2. after matching existing contacts by email, then by phone, rows that would merge into a contact
 *      an earlier row already merges into,
 *   3. when updating, rows whose phone belongs to a different contact than their email.
 * It reads contacts as they were before the import (the merge's writes are not committed yet), which is
 * the state every row should be compared with, and compares each row with every earlier line of the
 * file (earlier batches' tables, the contacts they claimed), not just its own batch. Rejected rows are
 * logged with their original text and marked, so the merge skips them.
 */
export const prepareBatch = async ({
  sql,
  importId,
  workspaceId,
  policy,
  mapped,
  rejections,
  tables,
  raws,
  matchExisting,
  steps,
}: Pick<MergeOptions, "importId" | "workspaceId" | "policy" | "mapped" | "rejections" | "steps"> & {
  sql: postgres.Sql;
  /**
   * False when the workspace had no contacts when the import started: there is nothing to match, so
   * the lookups are skipped. (A contact someone adds meanwhile then makes the merge hit a unique key
   * and the import is retried, matching it.)
   */
  matchExisting: boolean;
  /** Every batch table so far with the lines it holds, this batch's last. */
  tables: readonly StagedTable[];
  /** The original text of the batch's rows, by line. */
  raws: ReadonlyMap<number, string>;
}) => {
  const step = timer(steps);
  const table = tables.at(-1)!.table;
  const t = `"${table}"`;
  return sql.begin(async (tx) => {
    // A batch (tens of thousands of rows) against big tables: index lookups per row, never a scan of them.
    await tx.unsafe("set local work_mem = '256MB'");
    await tx.unsafe("set local enable_hashjoin = off");
    await tx.unsafe("set local enable_mergejoin = off");
    const rejected = new Map<number, string>();
    // Rejected rows stay in the batch, marked: their email and phone still count as seen on their line.
    const reject = async (rows: LineReason[]) => {
      const fresh = rows.filter(({ line }) => !rejected.has(line)).sort((a, b) => a.line - b.line);
      if (!fresh.length) return;
      for (const { line, reason } of fresh) if (!rejected.has(line)) rejected.set(line, reason);
      await tx.unsafe(`update ${t} set rejected = true where line = any($1::int[])`, [[...new Set(fresh.map((r) => r.line))]]);
    };

    // 1. Repeats. The reader names, for each row, the earlier line its email or phone may be on; that
    //    row is looked up (by primary key) and compared, so a hash collision never rejects a row.
    const flagged = await tx.unsafe<SeenRow[]>(
      `select line, email, phone, email_seen_on, phone_seen_on from ${t} where email_seen_on is not null or phone_seen_on is not null order by line`,
    );
    if (flagged.length) await reject(await confirmRepeats(tx, tables, flagged));
    step("duplicates");

    if (!matchExisting) {
      for (const [line, reason] of rejected) rejections.add(line, reason, raws.get(line) ?? null);
      await rejections.flush(tx);
      return { matched: 0 };
    }
    // 2. Match: by email first, then by phone for rows the email did not match.
    if (mapped.has("email")) {
      await tx.unsafe(
        `update ${t} s set contact_id = c.id from contacts c
         where not s.rejected and s.email is not null and c.workspace_id = $1 and c.email = s.email`,
        [workspaceId],
      );
    }
    if (mapped.has("phone")) {
      await tx.unsafe(
        `update ${t} s set contact_id = c.id from contacts c
         where not s.rejected and s.contact_id is null and s.phone is not null and c.workspace_id = $1 and c.phone = s.phone`,
        [workspaceId],
      );
    }
    step("match");

    // 3. Two rows, one contact (the contacts earlier batches merge into are in the claimed table).
    const claimed = `"${stagingPrefix(importId)}_claimed"`;
    await reject(
      await tx.unsafe<LineReason[]>(
        `select s.line, 'duplicate in file: matches the same contact as line ' || d.line as reason
         from ${t} s join ${claimed} d using (contact_id) where not s.rejected
         union all
         select s.line, 'duplicate in file: matches the same contact as line ' || d.first_line
         from ${t} s
         join (select contact_id, min(line) as first_line from ${t} where contact_id is not null and not rejected group by contact_id having count(*) > 1) d
           using (contact_id)
         where not s.rejected and s.line > d.first_line`,
      ),
    );
    await tx.unsafe(`insert into ${claimed} (contact_id, line) select contact_id, line from ${t} where contact_id is not null and not rejected`);
    if (policy !== "add_only" && mapped.has("phone")) {
      await reject(
        await tx.unsafe<LineReason[]>(
          `select s.line, 'conflict: phone ' || s.phone || ' belongs to another contact than email ' || s.email as reason
           from ${t} s join contacts c on c.workspace_id = $1 and c.phone = s.phone
           where not s.rejected and s.contact_id is not null and c.id <> s.contact_id`,
          [workspaceId],
        ),
      );
    }
    for (const [line, reason] of rejected) rejections.add(line, reason, raws.get(line) ?? null);
    await rejections.flush(tx);
    const [{ matched }] = (await tx.unsafe(`select count(*)::int as matched from ${t} where contact_id is not null and not rejected`)) as unknown as [
      { matched: number },
    ];
    step("conflicts");
    return { matched };
  });
};

