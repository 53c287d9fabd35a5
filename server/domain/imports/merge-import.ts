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

export type LineReason = { line: number; reason: string };

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

export const timer = (steps: Record<string, number> | undefined) => {
  let mark = performance.now();
  return (name: string) => {
    const now = performance.now();
    if (steps) steps[name] = Math.round((steps[name] ?? 0) + now - mark);
    mark = now;
  };
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
