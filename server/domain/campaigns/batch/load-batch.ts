import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import type { MergeContact } from "@/server/domain/content/render/merge-scope";
import { sendableContactsSql, type SendChannel } from "@/server/domain/suppressions/filter-sendable";

export type BatchRecipient = {
  contactId: string;
  address: string;
  state: "pending" | "charged";
  /** The A/B variant (1..n), or 0: not in a test. */
  variant: number;
  messageId: string | null;
  /** What a charged recipient was charged (credits), for a refund. */
  cost: number | null;
  /** Why this recipient may not be sent to now (unsubscribed, suppressed…), or null. */
  blockedReason: string | null;
  contact: MergeContact | null;
  /** The number's country (ISO code), for picking an SMS route. */
  phoneCountry: string | null;
};

/**
 * The batch's recipients still to act on, with the contact as it is now and the "may we send?"
 * verdict from the same anti-join every send uses (email: consent, suppressions, domains; SMS: SMS
 * consent, number suppressions, the Do-Not-Call register of the number's country).
 */
export const loadBatch = async (
  executor: Executor,
  { campaignId, batchNo, workspaceId, channel = "email" }: { campaignId: string; batchNo: number; workspaceId: string; channel?: SendChannel },
) => {
  const rows = await executor.execute<{
    contact_id: string;
    address: string;
    state: "pending" | "charged";
    variant: number;
    message_id: string | null;
    cost: string | null;
    blocked_reason: string | null;
    id: string | null;
    email: string | null;
    phone: string | null;
    phone_country: string | null;
    first_name: string | null;
    last_name: string | null;
    timezone: string | null;
    locale: string | null;
    attributes: Record<string, unknown> | null;
  }>(sql`
    select r.contact_id, r.address, r.state, r.variant, r.message_id, r.cost, s.blocked_reason,
      c.id, c.email, c.phone, c.phone_country, c.first_name, c.last_name, c.timezone, c.locale, c.attributes
    from campaign_recipients r
    left join contacts c on c.id = r.contact_id and c.workspace_id = ${workspaceId}
    left join (${sendableContactsSql({
      workspaceId,
      channel,
      candidates: sql`select contact_id from campaign_recipients where campaign_id = ${campaignId} and channel = ${channel}::channel and batch_no = ${batchNo} and state = 'pending'`,
    })}) s on s.contact_id = r.contact_id
    where r.campaign_id = ${campaignId} and r.channel = ${channel}::channel and r.batch_no = ${batchNo} and r.state in ('pending', 'charged')`);
  return rows.map(
    (row): BatchRecipient => ({
      contactId: row.contact_id,
      address: row.address,
      state: row.state,
      variant: row.variant,
      messageId: row.message_id,
      cost: row.cost === null ? null : Number(row.cost),
      blockedReason: row.state === "pending" ? (row.id ? row.blocked_reason : "contact_deleted") : null,
      contact: row.id
        ? {
            id: row.id,
            email: row.email,
            phone: row.phone,
            firstName: row.first_name,
            lastName: row.last_name,
            timezone: row.timezone,
            locale: row.locale,
            attributes: row.attributes ?? {},
          }
        : null,
      phoneCountry: row.phone_country,
    }),
  );
};
