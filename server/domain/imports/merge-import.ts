import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import type { ContactField } from "./import-mapping";
import type { RejectionLog } from "./import-rejections";

export type ImportPolicy = "add_only" | "update_existing" | "overwrite";

export type MergeCounts = { inserted: number; updated: number; skipped: number };

export type MergeOptions = {
  tx: postgres.TransactionSql;
  importId: string;
  workspaceId: string;
  table: string;
  policy: ImportPolicy;
  listId: string | null;
  /** The built-in fields some column maps to. */
  mapped: ReadonlySet<ContactField>;
  /** Whether any column maps to an attribute. */
  mapsAttributes: boolean;
  rejections: RejectionLog;
  /** The original text of rejected lines (a second pass over the file), for rejections found here. */
  rawLines: (lines: Set<number>) => Promise<Map<number, string>>;
};

const OPTED_OUT = "('unsubscribed', 'bounced', 'complained')";
const OPTED_IN = "('subscribed', 'pending')";

/**
 * Ids for new contacts, made from the row's line: time-ordered like UUIDv7 (48 bits of milliseconds,
 * version 7, the variant, 22 random bits, then a 52-bit counter from a random offset), so a million new
 * contacts append to the primary key index instead of scattering over it, and the list memberships
 * can refer to them without reading them back.
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

/**
 * Merges the staged rows into contacts, set-based, inside the caller's transaction (one per import,
 * so a failure leaves every contact as it was):
 *   1. reject rows that repeat an email or phone seen on an earlier line of the file (keep the first);
 *   2. match existing contacts by email, then by phone;
 *   3. reject rows that would merge into the same contact as an earlier row, and (when updating) rows
 *      whose phone belongs to a different contact than their email;
 *   4. insert new contacts, update matched ones per policy, record consent changes;
 *   5. add every imported contact to the list (unsubscribed members stay so unless overwriting).
 */
export const mergeImport = async (options: MergeOptions): Promise<MergeCounts> => {
  const { tx, workspaceId, table, policy, listId, mapped, mapsAttributes, rejections } = options;
  const t = `"${table}"`;
  await tx.unsafe("set local work_mem = '256MB'");

  // 1. Repeats within the file. Grouping finds the (rare) repeated values; only their rows are joined back.
  const repeats: Array<{ line: number; reason: string }> = [];
  for (const column of ["email", "phone"] as const) {
    if (!mapped.has(column)) continue;
    const rows = await tx.unsafe<Array<{ line: number; reason: string }>>(
      `select s.line, '${column === "email" ? "duplicate in file: email" : "duplicate in file: phone"} ' || s.${column} || ' is also on line ' || d.first_line as reason
       from ${t} s
       join (select ${column}, min(line) as first_line from ${t} where ${column} is not null group by ${column} having count(*) > 1) d
         on d.${column} = s.${column}
       where s.line > d.first_line`,
    );
    repeats.push(...rows);
  }
  await rejectLines(options, repeats);

  // 2. Match: by email first, then by phone for rows the email did not match.
  if (mapped.has("email")) {
    await tx.unsafe(
      `update ${t} s set contact_id = c.id from contacts c where c.workspace_id = $1 and c.email = s.email and s.email is not null`,
      [workspaceId],
    );
  }
  if (mapped.has("phone")) {
    await tx.unsafe(
      `update ${t} s set contact_id = c.id from contacts c
       where s.contact_id is null and s.phone is not null and c.workspace_id = $1 and c.phone = s.phone`,
      [workspaceId],
    );
  }

  // 3. Rows that would merge into a contact an earlier row already merges into.
  const sameContact = await tx.unsafe<Array<{ line: number; reason: string }>>(
    `select s.line, 'duplicate in file: matches the same contact as line ' || d.first_line as reason
     from ${t} s
     join (select contact_id, min(line) as first_line from ${t} where contact_id is not null group by contact_id having count(*) > 1) d
       using (contact_id)
     where s.line > d.first_line`,
  );
  await rejectLines(options, sameContact);
  if (policy !== "add_only" && mapped.has("phone")) {
    const conflicts = await tx.unsafe<Array<{ line: number; reason: string }>>(
      `select s.line, 'conflict: phone ' || s.phone || ' belongs to another contact than email ' || s.email as reason
       from ${t} s join contacts c on c.workspace_id = $1 and c.phone = s.phone
       where s.contact_id is not null and c.id <> s.contact_id`,
      [workspaceId],
    );
    await rejectLines(options, conflicts);
  }

  // 4. New contacts.
  const newId = newIdExpression();
  const inserted = await tx.unsafe(
    `insert into contacts (id, workspace_id, email, phone, phone_country, first_name, last_name, timezone, locale, attributes,
                           email_status, email_status_at, sms_status, sms_status_at)
     select ${newId}, $1, s.email, s.phone, s.phone_country, s.first_name, s.last_name, s.timezone, s.locale,
            coalesce(s.attributes, '{}'::jsonb),
            s.email_status, case when s.email_status is not null then now() end,
            s.sms_status, case when s.sms_status is not null then now() end
     from ${t} s where s.contact_id is null
     order by s.line`,
    [workspaceId],
  );
  const note = `import ${options.importId}`;
  for (const channel of ["email", "sms"] as const) {
    if (!mapped.has(`${channel}_status`)) continue;
    await tx.unsafe(
      `insert into consent_events (workspace_id, contact_id, channel, status, source, note)
       select $1, ${newId}, '${channel}', s.${channel}_status, 'import', $2 from ${t} s
       where s.contact_id is null and s.${channel}_status is not null`,
      [workspaceId, note],
    );
  }

  // Matched contacts.
  const [{ matched }] = (await tx.unsafe(`select count(*)::int as matched from ${t} where contact_id is not null`)) as unknown as [
    { matched: number },
  ];
  let updated = 0;
  if (policy !== "add_only" && matched > 0) {
    for (const channel of ["email", "sms"] as const) {
      if (!mapped.has(`${channel}_status`)) continue;
      // Before the update, while c still holds the old status.
      await tx.unsafe(
        `insert into consent_events (workspace_id, contact_id, channel, status, source, note)
         select $1, c.id, '${channel}', s.${channel}_status, 'import', $2
         from ${t} s join contacts c on c.id = s.contact_id and c.workspace_id = $1
         where ${consentChange(`${channel}_status`, policy)}`,
        [workspaceId, note],
      );
    }
    const set = assignments(policy, mapped, mapsAttributes);
    if (set.length) {
      const compared = set.filter(([column]) => !column.endsWith("_at"));
      const result = await tx.unsafe(
        `update contacts c set ${set.map(([column, value]) => `${column} = ${value}`).join(", ")}, updated_at = now()
         from ${t} s
         where c.id = s.contact_id and c.workspace_id = $1
           and (${compared.map(([column]) => `c.${column}`).join(", ")}, null) is distinct from (${compared.map(([, value]) => value).join(", ")}, null)`,
        [workspaceId],
      );
      updated = result.count;
    }
  }

  // 5. The list.
  if (listId) {
    const [list] = await tx.unsafe(`select id from lists where id = $1 and workspace_id = $2`, [listId, workspaceId]);
    if (list) {
      await tx.unsafe(
        `insert into list_memberships (list_id, contact_id, workspace_id)
         select $1, coalesce(s.contact_id, ${newId}), $2 from ${t} s
         order by s.line
         on conflict (list_id, contact_id) do ${
           policy === "overwrite"
             ? "update set status = 'subscribed', status_changed_at = now() where list_memberships.status <> 'subscribed'"
             : "nothing"
         }`,
        [listId, workspaceId],
      );
    }
  }

  return { inserted: inserted.count, updated, skipped: matched - updated };
};

/** Logs rows rejected by the merge (with their original text) and takes them out of the staging table. */
const rejectLines = async (options: MergeOptions, rows: Array<{ line: number; reason: string }>) => {
  if (!rows.length) return;
  const { tx, table, rejections } = options;
  // One reason per line (a row may repeat both an email and a phone): the first found wins.
  const byLine = new Map<number, string>();
  for (const { line, reason } of rows) if (!byLine.has(line)) byLine.set(line, reason);
  const wanted = new Set([...byLine.keys()].sort((a, b) => a - b).slice(0, rejections.room));
  const raw = wanted.size ? await options.rawLines(wanted) : new Map<number, string>();
  for (const [line, reason] of [...byLine].sort(([a], [b]) => a - b)) rejections.add(line, reason, raw.get(line) ?? null);
  await rejections.flush(tx);
  await tx.unsafe(`delete from "${table}" where line = any($1::int[])`, [[...byLine.keys()]]);
};
