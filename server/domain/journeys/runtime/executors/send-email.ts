import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import type { StepExecutor, StepItem, StepOutcome } from "@/server/domain/journeys/runtime/step-types";
import { emailMessagePrice } from "@/server/domain/credits/credit-prices";
import { acquireSends, type RateLimit } from "@/server/domain/delivery/rate-limit";
import { pickTransport } from "@/server/domain/delivery/transports/smarthosts";
import { recordSent } from "@/server/domain/nodes/throughput";
import { env } from "@/server/env";
import { journeyEmailSender, JourneySendUnavailable, type JourneyEmailSender } from "../../sends/journey-email-sender";
import { recordJourneyDeliveries, type DeliveredSend } from "../../sends/journey-send-records";
import { eventScope, prepareJourneySends } from "../../sends/prepare-journey-sends";
import { retryRefusedSend, SEND_RETRY_MINUTES, withSendRetries } from "../../sends/send-retries";

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
 * credit charge; a step run again (a crash, a lease that ran out) skips steps already sent and resends
 * the ones still `charged` with the Message-ID they were charged with. As with campaigns, a message the
 * smarthost accepted in the instant before its `sent` mark was written (a crash between the two) is
 * sent again with the same Message-ID, which receivers de-duplicate on; that window is one batch, and
 * nothing else is ever sent twice.
 *
 * A temporary refusal (4xx, a dropped connection) retries only the refused runs, with backoff (see
 * sends/send-retries.ts), instead of throwing: the runtime gives up on a step that throws a few times
 * in a row, which would strand a charged message without its refund during a smarthost outage.
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

  const delivered: Array<DeliveredSend & { item: StepItem }> = [];
  const refused: Array<{ stateId: number; outcome: StepOutcome }> = [];
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
    else {
      const retry = retryRefusedSend(send.item, node.id, input.now, result.reason.slice(0, 500));
      if (retry) refused.push({ stateId: send.stateId, outcome: retry });
      else delivered.push({ ...send, state: "failed", reason: `still refused after ${SEND_RETRY_MINUTES.length + 1} attempts: ${result.reason.slice(0, 400)}` });
    }
  });
  await recordJourneyDeliveries({ workspaceId: journey.workspaceId, nodeId: node.id, stepNoByState, channel: "email", deliveries: delivered });
  recordSent(delivered.filter((d) => d.state === "sent").length);
  for (const d of delivered)
    outcomes.set(d.stateId, {
      kind: "next",
      handle: "next",
      outcome: d.state,
      detail: d.reason ? { messageId: d.messageId, reason: d.reason } : { messageId: d.messageId },
      context: withSendRetries(d.item.context, node.id, null),
    });
  for (const r of refused) outcomes.set(r.stateId, r.outcome);
  return outcomes;
};
