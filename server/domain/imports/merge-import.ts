import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import type { ContactField } from "./import-mapping";
import type { RejectionLog } from "./import-rejections";
import { stagingPrefix } from "./import-staging";

export type ImportPolicy = "add_only" | "update_existing" | "overwrite";

export type MergeCounts = { inserted: number; updated: number; skipped: number };

export type MergeOptions = {
  tx: postgres.TransactionSql;
  importId: string;
  workspaceId: string;
  policy: ImportPolicy;
  listId: string | null;
  /** The built-in fields some column maps to. */
  mapped: ReadonlySet<ContactField>;
  /** Whether any column maps to an attribute. */
  mapsAttributes: boolean;
  rejections: RejectionLog;
  /** Filled with milliseconds per step, for the benchmark and the log line. */
  steps?: Record<string, number>;
};

type LineReason = { line: number; reason: string };
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

const OPTED_OUT = "('unsubscribed', 'bounced', 'complained')";
const OPTED_IN = "('subscribed', 'pending')";

/**
 * Ids for new contacts, made from the row's line: time-ordered like UUIDv7 (48 bits of milliseconds,
 * version 7, the variant, 22 random bits, then a 52-bit counter from a random offset), so a million new
 * contacts append to the primary key index instead of scattering over it, and the list memberships
 * and consent events can refer to them without reading them back.
 */
const newIdExpression = () => {
  const time = Date.now().toString(16).padStart(12, "0");
  const random = randomBytes(3).toString("hex");
  const variant = ((parseInt(random[5]!, 16) & 0x3) | 0x8).toString(16);
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-${variant}${random.slice(3, 5)}`;
  const offset = randomBytes(5).readUIntBE(0, 5); // < 2^40, leaving plenty of the 2^52 for lines
  // 19 hex digits of prefix + 13 of counter; Postgres accepts the hyphens left out of the last groups.
  return `('${prefix}' || lpad(to_hex(${offset}::bigint + s.line), 13, '0'))::uuid`;
};

/** Consent may only move from opted-out back to opted-in when the import overwrites. */
const consentChange = (column: "email_status" | "sms_status", policy: ImportPolicy) =>
  policy === "overwrite"
    ? `(s.${column} is not null and s.${column} is distinct from c.${column})`
    : `(s.${column} is not null and s.${column} is distinct from c.${column} and not (c.${column} in ${OPTED_OUT} and s.${column} in ${OPTED_IN}))`;

/** column → new value, for the fields the file maps; update_existing keeps what an empty cell would erase. */
const assignments = (policy: ImportPolicy, mapped: ReadonlySet<ContactField>, mapsAttributes: boolean) => {
  const set: Array<[string, string]> = [];
  const keep = policy === "update_existing";
  const field = (column: ContactField) => {
    if (mapped.has(column)) set.push([column, keep ? `coalesce(s.${column}, c.${column})` : `s.${column}`]);
  };
  field("email");
  if (mapped.has("phone")) {
    set.push(["phone", keep ? "coalesce(s.phone, c.phone)" : "s.phone"]);
    set.push(["phone_country", keep ? "case when s.phone is null then c.phone_country else s.phone_country end" : "s.phone_country"]);
  }
  field("first_name");
  field("last_name");
  field("timezone");
  field("locale");
  if (policy === "overwrite") set.push(["attributes", "coalesce(s.attributes, '{}'::jsonb)"]);
  else if (mapsAttributes) set.push(["attributes", "c.attributes || coalesce(s.attributes, '{}'::jsonb)"]);
  for (const column of ["email_status", "sms_status"] as const) {
    if (!mapped.has(column)) continue;
    const change = consentChange(column, policy);
    set.push([column, `case when ${change} then s.${column} else c.${column} end`]);
    set.push([`${column}_at`, `case when ${change} then now() else c.${column}_at end`]);
  }
  return set;
};

const timer = (steps: Record<string, number> | undefined) => {
  let mark = performance.now();
  return (name: string) => {
    const now = performance.now();
    if (steps) steps[name] = Math.round((steps[name] ?? 0) + now - mark);
    mark = now;
  };
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

/**
 * Merges staged, prepared batches into contacts inside ONE transaction for the whole import (so a
 * failure leaves every contact as it was), batch by batch while later batches are still being read and
 * prepared: this transaction's inserts run on one core while Node parses and Postgres COPYs and checks
 * on the other. Per batch: insert new contacts, update matched ones per policy (only those that change),
 * record consent changes, and add every imported contact to the list (unsubscribed members stay so
 * unless overwriting).
 */
export class ImportMerge {
  readonly counts: MergeCounts = { inserted: 0, updated: 0, skipped: 0 };
  private readonly newId = newIdExpression();
  private listExists = false;
  private fastPath = false;
  private readonly step: (name: string) => void;

  constructor(private readonly options: MergeOptions) {
    this.step = timer(options.steps);
  }

  /** Once, before the first batch. */
  async begin() {
    const { tx, workspaceId, listId } = this.options;
    await tx.unsafe("set local work_mem = '256MB'");
    // Joins here are one batch against contacts: index lookups per batch row, never a scan of contacts.
    await tx.unsafe("set local enable_hashjoin = off");
    await tx.unsafe("set local enable_mergejoin = off");
    this.fastPath = await skipForeignKeyChecks(this.options);
    if (listId) {
      const [list] = await tx.unsafe(`select id from lists where id = $1 and workspace_id = $2 for key share`, [listId, workspaceId]);
      this.listExists = Boolean(list);
    }
    this.step("locks");
  }

  /** One prepared batch; `matched` is how many of its rows prepareBatch matched to existing contacts. */
  async mergeBatch(table: string, matched: number) {
    const { tx, workspaceId, policy, listId, mapped, mapsAttributes } = this.options;
    const t = `"${table}"`;
    this.step("waiting");
    if (matched > 0 && this.fastPath) await lockMatchedContacts(tx, workspaceId, t);
    this.step("locks");

    // New contacts, in email order: the email index then takes each batch page by page instead of at
    // random (ids still follow the lines, so the primary key only grows at its end).
    const inserted = await tx.unsafe(
      `insert into contacts (id, workspace_id, email, phone, phone_country, first_name, last_name, timezone, locale, attributes,
                             email_status, email_status_at, sms_status, sms_status_at)
       select ${this.newId}, $1, s.email, s.phone, s.phone_country, s.first_name, s.last_name, s.timezone, s.locale,
              coalesce(s.attributes, '{}'::jsonb),
              s.email_status, case when s.email_status is not null then now() end,
              s.sms_status, case when s.sms_status is not null then now() end
       from ${t} s where s.contact_id is null and not s.rejected
       order by s.email`,
      [workspaceId],
    );
    this.counts.inserted += inserted.count;
    this.step("insert contacts");

    const note = `import ${this.options.importId}`;
    for (const channel of ["email", "sms"] as const) {
      if (!mapped.has(`${channel}_status`)) continue;
      await tx.unsafe(
        `insert into consent_events (workspace_id, contact_id, channel, status, source, note)
         select $1, ${this.newId}, '${channel}', s.${channel}_status, 'import', $2 from ${t} s
         where s.contact_id is null and not s.rejected and s.${channel}_status is not null`,
        [workspaceId, note],
      );
      if (policy !== "add_only" && matched > 0) {
        // Before the update, while c still holds the old status.
        await tx.unsafe(
          `insert into consent_events (workspace_id, contact_id, channel, status, source, note)
           select $1, c.id, '${channel}', s.${channel}_status, 'import', $2
           from ${t} s join contacts c on c.id = s.contact_id and c.workspace_id = $1
           where not s.rejected and ${consentChange(`${channel}_status`, policy)}`,
          [workspaceId, note],
        );
      }
    }
    this.step("consent events");

    // Matched contacts: updated per policy (only those that actually change), else skipped.
    let updated = 0;
    if (policy !== "add_only" && matched > 0) {
      const set = assignments(policy, mapped, mapsAttributes);
      const compared = set.filter(([column]) => !column.endsWith("_at"));
      const result = await tx.unsafe(
        `update contacts c set ${set.map(([column, value]) => `${column} = ${value}`).join(", ")}, updated_at = now()
         from ${t} s
         where c.id = s.contact_id and c.workspace_id = $1 and not s.rejected
           and (${compared.map(([column]) => `c.${column}`).join(", ")}, null) is distinct from (${compared.map(([, value]) => value).join(", ")}, null)`,
        [workspaceId],
      );
      updated = result.count;
    }
    this.counts.updated += updated;
    this.counts.skipped += matched - updated;
    this.step("update contacts");

    // The list. New contacts cannot be members yet: a plain insert; matched ones may already be.
    if (listId && this.listExists) {
      await tx.unsafe(
        `insert into list_memberships (list_id, contact_id, workspace_id)
         select $1, ${this.newId}, $2 from ${t} s where s.contact_id is null and not s.rejected`,
        [listId, workspaceId],
      );
      if (matched > 0) {
        await tx.unsafe(
          `insert into list_memberships (list_id, contact_id, workspace_id)
           select $1, s.contact_id, $2 from ${t} s where s.contact_id is not null and not s.rejected
           on conflict (list_id, contact_id) do ${
             policy === "overwrite"
               ? "update set status = 'subscribed', status_changed_at = now() where list_memberships.status <> 'subscribed'"
               : "nothing"
           }`,
          [listId, workspaceId],
        );
      }
    }
    this.step("list memberships");
  }
}

/**
 * The foreign-key triggers on contacts, list_memberships and consent_events check every inserted row
 * one by one (a lookup and a row lock each), which costs as much as the inserts themselves: about
 * 16 s of a million-row import here. Every reference this merge writes is known to be good: the
 * workspace and the list are locked (FOR KEY SHARE) for the transaction, new contacts are its own
 * rows, and matched contacts are locked per batch (and must all still exist). So, where the database
 * role may (a superuser, as with the embedded Postgres), the merge turns the checks off for its own
 * transaction only (session_replication_role = replica, SET LOCAL). It does not when any ordinary
 * trigger exists on those tables, since replica mode would silently skip it; and elsewhere the
 * checks simply run, slower but with the same result.
 */
const skipForeignKeyChecks = async ({ tx, workspaceId }: MergeOptions) => {
  const [{ triggers }] = (await tx.unsafe(
    `select count(*)::int as triggers from pg_trigger
     where not tgisinternal and tgrelid in ('contacts'::regclass, 'list_memberships'::regclass, 'consent_events'::regclass)`,
  )) as unknown as [{ triggers: number }];
  if (triggers > 0) return false;
  try {
    await tx.savepoint((sp) => sp.unsafe("set local session_replication_role = replica"));
  } catch {
    return false; // not allowed for this role: keep the checks
  }
  await tx.unsafe(`select 1 from workspaces where id = $1 for key share`, [workspaceId]);
  return true;
};

const lockMatchedContacts = async (tx: postgres.TransactionSql, workspaceId: string, t: string) => {
  const [{ matched, locked }] = (await tx.unsafe(
    `select (select count(*)::int from ${t} where contact_id is not null and not rejected) as matched,
            (select count(*)::int from (select 1 from contacts c join ${t} s on c.id = s.contact_id
                                        where c.workspace_id = $1 and not s.rejected for key share of c) l) as locked`,
    [workspaceId],
  )) as unknown as [{ matched: number; locked: number }];
  // A contact matched a moment ago was deleted since: start over (the job retries) rather than refer to it.
  if (locked !== matched) throw new Error("contacts changed while the import was merging; it will be retried");
};
