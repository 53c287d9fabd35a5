import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { sqlClient } from "@/server/db/client";

export type SendChannel = "email" | "sms";
export type SendPurpose = "marketing" | "transactional";

/** Why a contact may not be sent to, most fundamental first (a contact gets the first that applies). */
export const BLOCK_REASONS = [
  "not_found", // no such contact in this workspace
  "no_email",
  "no_phone",
  "bounced", // consent status: blocks transactional too
  "complained", // consent status: blocks transactional too
  "unsubscribed", // marketing only
  "not_subscribed", // marketing only: pending or never asked
  "email_suppressed",
  "domain_suppressed",
  "phone_suppressed",
  "dnc", // the number is on its country's Do-Not-Call register (SMS marketing only)
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export type SendableContactsSqlOptions = {
  workspaceId: string;
  channel: SendChannel;
  purpose?: SendPurpose;
  /** A query whose single column is candidate contact ids (uuid), e.g. a segment's or list's members. */
  candidates: SQL;
};

/**
 * The sending rules as one SQL building block, for embedding in bigger queries (the delivery engine
 * joins it to a campaign's audience). It yields one row per candidate: `contact_id uuid` and
 * `blocked_reason text` (null when the contact may be sent to), as anti-joins over the workspace's
 * suppressions (address, the address's domain, number), the channel's consent status, and for SMS
 * marketing the active generation of the Do-Not-Call register for the number's country.
 *
 * Transactional messages skip consent and manual/unsubscribe suppressions, but never go to an
 * address that bounced or complained (status, or a hard_bounce/complaint suppression).
 * Candidates are not de-duplicated: pass distinct ids.
 *
 *   select s.contact_id from (${sendableContactsSql({ workspaceId, channel: "email",
 *     candidates: sql`select contact_id from list_memberships where list_id = ${listId}` })}) s
 *   where s.blocked_reason is null
 */
export const sendableContactsSql = ({ workspaceId, channel, purpose = "marketing", candidates }: SendableContactsSqlOptions): SQL => {
  const marketing = purpose === "marketing";
  // Which suppressions apply: all of them for marketing; for transactional, only proof that the address does not work.
  const applies = (alias: string) =>
    marketing ? sql`` : sql` and ${sql.raw(alias)}.reason in ('hard_bounce', 'complaint')`;

  if (channel === "email") {
    return sql`
      select cand.id as contact_id,
        case
          when c.id is null then 'not_found'
          when c.email is null then 'no_email'
          when c.email_status = 'bounced' then 'bounced'
          when c.email_status = 'complained' then 'complained'
          ${marketing ? sql`when c.email_status = 'unsubscribed' then 'unsubscribed'
          when c.email_status is distinct from 'subscribed' then 'not_subscribed'` : sql``}
          when se.id is not null then 'email_suppressed'
          when sd.id is not null then 'domain_suppressed'
        end as blocked_reason
      from (${candidates}) as cand(id)
      left join contacts c on c.id = cand.id and c.workspace_id = ${workspaceId}
      left join suppressions se
        on se.workspace_id = ${workspaceId} and se.kind = 'email' and se.value = c.email${applies("se")}
      left join suppressions sd
        on sd.workspace_id = ${workspaceId} and sd.kind = 'domain' and sd.value = split_part(c.email, '@', 2)${applies("sd")}`;
  }

  return sql`
    select cand.id as contact_id,
      case
        when c.id is null then 'not_found'
        when c.phone is null then 'no_phone'
        when c.sms_status = 'bounced' then 'bounced'
        when c.sms_status = 'complained' then 'complained'
        ${marketing ? sql`when c.sms_status = 'unsubscribed' then 'unsubscribed'
        when c.sms_status is distinct from 'subscribed' then 'not_subscribed'` : sql``}
        when sp.id is not null then 'phone_suppressed'
        ${marketing ? sql`when dnc.phone is not null then 'dnc'` : sql``}
      end as blocked_reason
    from (${candidates}) as cand(id)
    left join contacts c on c.id = cand.id and c.workspace_id = ${workspaceId}
    left join suppressions sp
      on sp.workspace_id = ${workspaceId} and sp.kind = 'phone' and sp.value = c.phone${applies("sp")}
    ${
      marketing
        ? sql`left join (
      dnc_registries r join dnc_numbers dnc on dnc.registry_id = r.id and dnc.generation = r.active_generation
    ) on r.workspace_id = ${workspaceId} and r.country = c.phone_country and dnc.phone = c.phone`
        : sql``
    }`;
};

export type FilterSendableOptions = {
  workspaceId: string;
  channel: SendChannel;
  contactIds: readonly string[];
  purpose?: SendPurpose;
};

export type FilterSendableResult = {
  /** In the order given, without duplicates. */
  sendable: string[];
  blocked: Array<{ contactId: string; reason: BlockReason }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UPPER = /[A-F]/;
const dialect = new PgDialect();

/**
 * Which of these contacts may be sent `channel` for `purpose`, and why not for the rest: one
 * set-based query (sendableContactsSql) however many ids, returning only the blocked rows.
 */
export const filterSendable = async ({ workspaceId, channel, contactIds, purpose = "marketing" }: FilterSendableOptions): Promise<FilterSendableResult> => {
  // One pass over what may be a million ids: de-duplicate, validate, keep the order.
  const seen = new Set<string>();
  const ids: string[] = [];
  const blocked: FilterSendableResult["blocked"] = [];
  for (const raw of contactIds) {
    const id = UPPER.test(raw) ? raw.toLowerCase() : raw;
    if (seen.has(id)) continue;
    seen.add(id);
    if (UUID.test(id)) ids.push(id);
    else blocked.push({ contactId: id, reason: "not_found" });
  }
  if (ids.length) {
    // The ids travel as one comma-separated string: for a million of them, several times cheaper to
    // send than a text[] parameter, which the driver escapes element by element.
    const query = dialect.sqlToQuery(sql`
      select s.contact_id::text as contact_id, s.blocked_reason
      from (${sendableContactsSql({
        workspaceId,
        channel,
        purpose,
        candidates: sql`select unnest(string_to_array(${ids.join(",")}, ',')::uuid[])`,
      })}) s
      where s.blocked_reason is not null`);
    // Unprepared on purpose: a cached generic plan cannot see how many ids there are and would probe
    // contact by contact; a fresh plan per call sees the array and hash-joins.
    const rows = await sqlClient().unsafe<Array<{ contact_id: string; blocked_reason: BlockReason }>>(query.sql, query.params as never[], {
      prepare: false,
    });
    for (const row of rows) blocked.push({ contactId: row.contact_id, reason: row.blocked_reason });
  }
  if (!blocked.length) return { sendable: ids, blocked };
  const blockedIds = new Set(blocked.map((entry) => entry.contactId));
  return { sendable: ids.filter((id) => !blockedIds.has(id)), blocked };
};
