import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import type { StepExecutor, StepOutcome } from "@/server/domain/journeys/runtime/step-types";
import { emailMessagePrice } from "@/server/domain/credits/credit-prices";
import { acquireSends, type RateLimit } from "@/server/domain/delivery/rate-limit";
import { pickTransport } from "@/server/domain/delivery/transports/smarthosts";
import { recordSent } from "@/server/domain/nodes/throughput";
import { env } from "@/server/env";
import { journeyEmailSender, JourneySendUnavailable, type JourneyEmailSender } from "../../sends/journey-email-sender";
import { recordJourneyDeliveries, type DeliveredSend } from "../../sends/journey-send-records";
import { eventScope, prepareJourneySends, type ToSend } from "../../sends/prepare-journey-sends";

/** Some messages met a temporary refusal (4xx, a dropped connection): the batch is retried; they are resent with the same Message-ID. */
export class RetryJourneySendLater extends Error {}

const CONCURRENCY = 8;

/** Runs `work` over `list` with at most `limit` at a time. */
export const eachLimited = async <T>(list: readonly T[], limit: number, work: (value: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, async () => {
    while (next < list.length) await work(list[next++]!);
  }));
};

/**
 * send_email: the node's template to each run's contact, through the same pipeline as campaigns
 * (consent and suppressions, credits, DKIM, VERP, List-Unsubscribe one-click, tracked links, the
 * message log), obeying the workspace's frequency cap and quiet hours unless the journey opts out.
 *
 * Exactly once per (run, node, step): prepareJourneySends claims a journey_sends row per step with the
 * credit charge; a retried batch skips steps already sent and resends the ones still `charged` with the
 * Message-ID they were charged with. As with campaigns, a message the smarthost accepted in the instant
 * before its `sent` mark was written (a crash between the two) is sent again with the same Message-ID,
 * which receivers de-duplicate on; that window is one batch, and nothing else is ever sent twice.
 */
export const sendEmailExecutor: StepExecutor<JourneyNodeOf<"send_email">> = async (input) => {
  const { journey, node, items } = input;
  let sender: JourneyEmailSender;
  try {
    sender = await journeyEmailSender({
      workspaceId: journey.workspaceId,
      journey: { id: journey.id, name: journey.name },
      templateId: node.config.templateId,
      sendingIdentityId: node.config.sendingIdentityId ?? null,
    });
  } catch (error) {
    if (!(error instanceof JourneySendUnavailable)) throw error;
    const failed: StepOutcome = { kind: "next", handle: "next", outcome: "failed", detail: { reason: error.message } };
    return new Map(items.map((item) => [item.stateId, failed]));
  }
  const price = emailMessagePrice();
  const prepared = await prepareJourneySends({ input, channel: "email", price: () => price, externalId: (messageId) => `${messageId}@${sender.fromDomain}` });
  const { outcomes, toSend, stepNoByState } = prepared;

  const transport = pickTransport();
  const limits: RateLimit[] = [];
  if (env().TRANSPORT_RATE_PER_SECOND) limits.push({ key: `transport:${transport.name}`, limit: env().TRANSPORT_RATE_PER_SECOND!, window: "1 second" });
  if (env().WORKSPACE_RATE_PER_SECOND) limits.push({ key: `workspace:${journey.workspaceId}`, limit: env().WORKSPACE_RATE_PER_SECOND!, window: "1 second" });
  await acquireSends(limits, toSend.length);

  const delivered: DeliveredSend[] = [];
  const temporary: ToSend[] = [];
  await eachLimited(toSend, CONCURRENCY, async (send) => {
    const contact = send.item.contact;
    const message = await sender.build({
      messageId: send.messageId,
      address: send.address,
      contact: { ...contact, attributes: contact.attributes ?? {} },
      event: eventScope(send.item.context),
    });
    const result = await transport.send({ from: message.envelopeFrom, to: send.address, raw: message.raw });
    if (result.ok) delivered.push({ ...send, state: "sent", reason: null });
    else if (result.permanent) delivered.push({ ...send, state: "failed", reason: result.reason.slice(0, 500) });
    else temporary.push(send);
  });
  await recordJourneyDeliveries({ workspaceId: journey.workspaceId, nodeId: node.id, stepNoByState, channel: "email", deliveries: delivered });
  recordSent(delivered.filter((d) => d.state === "sent").length);
  if (temporary.length > 0) throw new RetryJourneySendLater(`${temporary.length} of ${toSend.length} journey emails were refused for now; retrying`);
  for (const d of delivered)
    outcomes.set(d.stateId, { kind: "next", handle: "next", outcome: d.state, detail: d.reason ? { messageId: d.messageId, reason: d.reason } : { messageId: d.messageId } });
  return outcomes;
};
