import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import type { MergeContact } from "@/server/domain/content/render/merge-scope";
import { emailCredits } from "@/server/domain/credits/credit-prices";
import { refundCredits } from "@/server/domain/credits/debit-credits";
import { messageEventsStatement } from "@/server/domain/delivery/record-message-events";
import { acquireSends, type RateLimit } from "@/server/domain/delivery/rate-limit";
import type { Transport } from "@/server/domain/delivery/transports/transport";
import { recordSent } from "@/server/domain/nodes/throughput";
import type { CampaignSender } from "./campaign-sender";
import { DomainGate } from "./domain-gate";

/** `variant`: the A/B variant (0 for the rest of the audience), or null when the campaign has no test. */
export type ChargedRecipient = { contactId: string; messageId: string; address: string; contact: MergeContact; variant: number | null };

type Outcome = { recipient: ChargedRecipient; state: "sent" | "failed"; reason: string | null } | { recipient: ChargedRecipient; state: "retry"; reason: string };

export type DeliverySummary = { sent: number; failed: number; retry: number; stopped: boolean };

const CONCURRENCY = 16;
const FLUSH_EVERY = 100;
const RATE_CHUNK = 50;

/**
 * Sends a batch's charged recipients and records each outcome: accepted → sent, refused for good (5xx)
 * → failed with its credit refunded, refused for now (4xx, a dropped connection) → left charged for the
 * job's retry, which sends it with the same Message-ID. Outcomes are written every 100 messages, and
 * the campaign's status is read again then, so a pause or cancel takes effect within a second or two.
 */
export const deliverBatch = async (options: {
  workspaceId: string;
  campaignId: string;
  batchNo: number;
  price: number;
  recipients: ChargedRecipient[];
  sender: CampaignSender;
  transport: Transport;
  limits: RateLimit[];
  stillSending: () => Promise<boolean>;
}): Promise<DeliverySummary> => {
  const { recipients, sender, transport } = options;
  const summary: DeliverySummary = { sent: 0, failed: 0, retry: 0, stopped: false };
  const outcomes: Outcome[] = [];
  const gate = new DomainGate();
  let next = 0;
  let allowance = 0;
  let flushing: Promise<void> = Promise.resolve();
  // One flush queued at a time: while it waits its turn, more outcomes join it instead of each
  // message queueing a transaction of its own.
  let flushQueued = false;

  const flush = async () => {
    const chunk = outcomes.splice(0, outcomes.length);
    if (chunk.length === 0) return;
    await writeOutcomes(options, chunk, summary);
    if (!(await options.stillSending())) summary.stopped = true;
  };

  const worker = async () => {
    while (!summary.stopped && next < recipients.length) {
      if (allowance === 0) {
        // Rate limits are taken in chunks (one round trip per limit per 50 messages), shared by all workers.
        allowance = await acquireSends(options.limits, Math.min(RATE_CHUNK, recipients.length - next), () => summary.stopped);
        if (allowance === 0) break;
      }
      allowance--;
      const recipient = recipients[next++]!;
      const domain = recipient.address.split("@")[1]!.toLowerCase();
      await gate.enter(domain);
      try {
        const message = await sender.build(recipient);
        const result = await transport.send({ from: message.envelopeFrom, to: recipient.address, raw: message.raw });
        outcomes.push(
          result.ok
            ? { recipient, state: "sent", reason: null }
            : result.permanent
              ? { recipient, state: "failed", reason: result.reason.slice(0, 500) }
              : { recipient, state: "retry", reason: result.reason.slice(0, 500) },
        );
      } finally {
        gate.leave(domain);
      }
      if (outcomes.length >= FLUSH_EVERY && !flushQueued) {
        flushQueued = true;
        flushing = flushing.then(() => {
          flushQueued = false;
          return flush();
        });
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, recipients.length) }, worker));
  await flushing;
  await flush();
  return summary;
};

const writeOutcomes = async (
  { workspaceId, campaignId, batchNo, price }: { workspaceId: string; campaignId: string; batchNo: number; price: number },
  outcomes: Outcome[],
  summary: DeliverySummary,
) => {
  const done = outcomes.filter((o): o is Extract<Outcome, { state: "sent" | "failed" }> => o.state !== "retry");
  const sent = done.filter((o) => o.state === "sent").length;
  const failed = done.length - sent;
  summary.sent += sent;
  summary.failed += failed;
  summary.retry += outcomes.length - done.length;
  if (done.length === 0) return;
  const statement = messageEventsStatement(
    done.map((o) => ({
      workspaceId,
      messageId: o.recipient.messageId,
      campaignId,
      contactId: o.recipient.contactId,
      kind: o.state,
      domain: o.recipient.address.split("@")[1]!.toLowerCase(),
      variant: o.recipient.variant,
      data: o.reason ? { reason: o.reason } : undefined,
    })),
    {
      alongside: [
        sql`update campaign_recipients r set state = v.state::recipient_state, reason = v.reason, updated_at = now()
          from json_to_recordset(${JSON.stringify(done.map((o) => ({ contact_id: o.recipient.contactId, state: o.state, reason: o.reason })))}::json)
            as v(contact_id uuid, state text, reason text)
          where r.campaign_id = ${campaignId} and r.channel = 'email' and r.contact_id = v.contact_id and r.state = 'charged'`,
        sql`update campaign_batches set sent = sent + ${sent}, failed = failed + ${failed} where campaign_id = ${campaignId} and batch_no = ${batchNo}`,
      ],
    },
  );
  // The usual case is one autocommitted statement; a refund (refused messages) joins it in a transaction.
  if (failed === 0) await db.execute(statement);
  else
    await db.transaction(async (tx) => {
      await refundCredits(tx, { workspaceId, amount: emailCredits(failed), channel: "email", campaignId, messages: failed, note: "Refused by the receiving server" });
      await tx.execute(statement);
    });
  recordSent(sent);
};
