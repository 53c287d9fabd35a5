import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import type { StepInput, StepItem, StepOutcome } from "@/server/domain/journeys/runtime/step-types";
import { getMessagingPolicy } from "@/server/domain/messaging-policy/get-messaging-policy";
import { quietHoursEnd } from "@/server/domain/messaging-policy/quiet-hours";
import { sendableContactsSql, type SendChannel } from "@/server/domain/suppressions/filter-sendable";
import { chargeJourneySends, type SendCandidate } from "./charge-journey-sends";
import { findJourneySends } from "./journey-send-records";

/** Why a contact was not sent to, as the timeline shows it. */
const BLOCKED_TEXT: Record<string, string> = {
  not_found: "the contact no longer exists",
  no_email: "no email address",
  no_phone: "no phone number",
  bounced: "the address bounced",
  complained: "the contact complained (marked as spam)",
  unsubscribed: "unsubscribed",
  not_subscribed: "not subscribed (no consent)",
  email_suppressed: "the address is on the suppression list",
  domain_suppressed: "the address's domain is on the suppression list",
  phone_suppressed: "the number is on the suppression list",
  dnc: "the number is on a Do-Not-Call register",
};

/** How long a step waits for a top-up before looking again. */
export const OUT_OF_CREDITS_RETRY_MS = 60 * 60 * 1000;

export type ToSend = SendCandidate & { item: StepItem; cost: number };

export type PreparedSends = {
  /** Runs already decided: skipped, capped, in quiet hours, sent or failed by an earlier attempt. */
  outcomes: Map<number, StepOutcome>;
  /** Charged and ready to hand to the transport (new, and charged by an earlier attempt that did not finish). */
  toSend: ToSend[];
  stepNoByState: Map<number, number>;
};

/** {{ event.* }}: the run's context without the runtime's own bookkeeping. */
export const eventScope = (context: Record<string, unknown>): Record<string, unknown> => {
  const { _herald: _, ...event } = context;
  return event;
};

const next = (outcome: string, detail?: Record<string, unknown>): StepOutcome => ({ kind: "next", handle: "next", outcome, detail });

/**
 * Everything a journey send does before the transport, for email and SMS alike: earlier attempts at
 * the same steps resumed from journey_sends (sent and failed stay so; charged ones are sent again with
 * the same message id), then for new runs the consent and suppression check (skipped: follow "next"),
 * quiet hours in the contact's timezone (retry when they end), and in one transaction the frequency cap
 * (skipped "frequency cap"), the exactly-once rows, the credit charge and the message log.
 */
export const prepareJourneySends = async ({
  input: { journey, node, items, now },
  channel,
  price,
  externalId,
}: {
  input: StepInput;
  /** The Message-ID header a message will carry, for the log (email). */
  externalId?: (messageId: string) => string;
  channel: SendChannel;
  /** Credits for one message to this run (an SMS costs its segments times the route price). */
  price: (item: StepItem, address: string) => number;
}): Promise<PreparedSends> => {
  const workspaceId = journey.workspaceId;
  const outcomes = new Map<number, StepOutcome>();
  const stepNoByState = new Map(items.map((item) => [item.stateId, item.stepNo]));
  const toSend: ToSend[] = [];

  const existing = await findJourneySends({ workspaceId, nodeId: node.id, items });
  const fresh: StepItem[] = [];
  for (const item of items) {
    const earlier = existing.get(item.stateId);
    if (!earlier) fresh.push(item);
    else if (earlier.state === "sent") outcomes.set(item.stateId, next("sent", { messageId: earlier.messageId }));
    else if (earlier.state === "failed") outcomes.set(item.stateId, next("failed", { messageId: earlier.messageId }));
    else if (earlier.state === "charged" && earlier.address)
      toSend.push({ item, stateId: item.stateId, contactId: item.contactId, messageId: earlier.messageId, address: earlier.address, externalId: null, cost: earlier.cost });
    else outcomes.set(item.stateId, next("skipped", { reason: "an earlier attempt at this step was not sent" }));
  }
  if (fresh.length === 0) return { outcomes, toSend, stepNoByState };

  const ids = [...new Set(fresh.map((item) => item.contactId))];
  const verdicts = await db.execute<{ contact_id: string; blocked_reason: string | null; email: string | null; phone: string | null }>(sql`
    select s.contact_id::text as contact_id, s.blocked_reason, c.email, c.phone
    from (${sendableContactsSql({ workspaceId, channel, candidates: sql`select unnest(string_to_array(${ids.join(",")}, ',')::uuid[])` })}) s
    left join contacts c on c.id = s.contact_id and c.workspace_id = ${workspaceId}`);
  const verdictOf = new Map(verdicts.map((row) => [row.contact_id, row]));

  const policy = journey.settings.respectMessagingLimits ? await getMessagingPolicy({ workspaceId }) : null;
  const candidates: ToSend[] = [];
  for (const item of fresh) {
    const verdict = verdictOf.get(item.contactId);
    const address = channel === "email" ? verdict?.email : verdict?.phone;
    const blocked = verdict ? verdict.blocked_reason : "not_found";
    if (blocked || !address) {
      const reason = blocked ?? (channel === "email" ? "no_email" : "no_phone");
      outcomes.set(item.stateId, next("skipped", { reason: BLOCKED_TEXT[reason] ?? reason, code: reason }));
      continue;
    }
    const quietUntil = policy ? quietHoursEnd(policy, item.contact.timezone, now) : null;
    if (quietUntil) {
      outcomes.set(item.stateId, { kind: "retry", at: quietUntil, outcome: "waiting", detail: { reason: "quiet hours", until: quietUntil.toISOString() } });
      continue;
    }
    const messageId = randomUUID();
    candidates.push({ item, stateId: item.stateId, contactId: item.contactId, messageId, address, externalId: externalId?.(messageId) ?? null, cost: price(item, address) });
  }

  const charge = await chargeJourneySends({
    workspaceId,
    nodeId: node.id,
    stepNoByState,
    candidates,
    policy,
    channel,
    price: (candidate) => (candidate as ToSend).cost,
    now,
  });
  if (!charge.ok) {
    const at = new Date(now.getTime() + OUT_OF_CREDITS_RETRY_MS);
    for (const candidate of candidates)
      outcomes.set(candidate.stateId, { kind: "retry", at, outcome: "waiting", detail: { reason: `out of credits (${charge.shortBy} more needed)` } });
    return { outcomes, toSend, stepNoByState };
  }
  for (const candidate of charge.capped) outcomes.set(candidate.stateId, next("skipped", { reason: "frequency cap", code: "frequency_cap" }));
  const charged = new Set(charge.charged.map((c) => c.stateId));
  for (const candidate of candidates) {
    if (charged.has(candidate.stateId)) toSend.push(candidate);
    // Claimed by a concurrent attempt at the same step in the instant between our read and our insert: it sends.
    else if (!outcomes.has(candidate.stateId)) outcomes.set(candidate.stateId, { kind: "retry", at: new Date(now.getTime() + 60_000), outcome: "waiting", detail: { reason: "another worker is sending this step" } });
  }
  return { outcomes, toSend, stepNoByState };
};
