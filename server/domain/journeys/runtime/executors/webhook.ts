import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import type { StepExecutor, StepItem, StepOutcome } from "@/server/domain/journeys/runtime/step-types";
import { eventScope } from "../../sends/prepare-journey-sends";
import { callWebhook } from "../../webhook/call-webhook";
import { resolveWebhookTarget, type Resolver } from "../../webhook/resolve-webhook-target";
import { eachLimited } from "./send-email";

/** Waits before the 2nd, 3rd... attempt; after the last, the step fails and the run moves on. */
export const WEBHOOK_BACKOFF_SECONDS = [30, 120, 600, 3600, 6 * 3600] as const;

const CONCURRENCY = 16;

type Herald = { webhookAttempts?: Record<string, number> } & Record<string, unknown>;

const attemptsOf = (item: StepItem, nodeId: string) => ((item.context._herald as Herald | undefined)?.webhookAttempts?.[nodeId] ?? 0);

/** The run's context with this node's attempt count set (or cleared once the step is over). */
const withAttempts = (item: StepItem, nodeId: string, attempts: number | null): Record<string, unknown> => {
  const herald = { ...((item.context._herald as Herald | undefined) ?? {}) };
  const counts = { ...(herald.webhookAttempts ?? {}) };
  if (attempts === null) delete counts[nodeId];
  else counts[nodeId] = attempts;
  herald.webhookAttempts = counts;
  if (Object.keys(counts).length === 0) delete herald.webhookAttempts;
  return { ...item.context, _herald: herald };
};

/**
 * webhook: a signed JSON request per run to the node's URL, to a DNS-checked public address (see
 * webhook/resolve-webhook-target.ts). 2xx moves the run on ("called"); 408, 429, 5xx, timeouts and
 * connection errors retry the step after 30 s, 2 min, 10 min, 1 h and 6 h (attempts counted in the
 * run's context), then fail it and move on; other answers fail it and move on. A webhook never
 * stops a journey: its outcome is on the contact's timeline.
 *
 * Delivery is at least once: X-Herald-Delivery (`<run>-<node>-<step>`) is the same on every attempt,
 * so a receiver that saw a request whose answer was lost can recognise the retry.
 */
export const createWebhookExecutor =
  ({ resolver, allowLoopback }: { resolver?: Resolver; allowLoopback?: boolean } = {}): StepExecutor<JourneyNodeOf<"webhook">> =>
  async ({ journey, node, items, now }) => {
    const outcomes = new Map<number, StepOutcome>();
    const moveOn = (item: StepItem, outcome: string, detail: Record<string, unknown>): StepOutcome => ({
      kind: "next",
      handle: "next",
      outcome,
      detail,
      context: withAttempts(item, node.id, null),
    });
    const retryOrFail = (item: StepItem, detail: Record<string, unknown>): StepOutcome => {
      const attempts = attemptsOf(item, node.id) + 1;
      const wait = WEBHOOK_BACKOFF_SECONDS[attempts - 1];
      if (wait === undefined) return moveOn(item, "failed", { ...detail, attempts });
      return {
        kind: "retry",
        at: new Date(now.getTime() + wait * 1000),
        outcome: "retrying",
        detail: { ...detail, attempts },
        context: withAttempts(item, node.id, attempts),
      };
    };

    const resolved = await resolveWebhookTarget(node.config.url, { resolver, allowLoopback });
    if (!resolved.ok) {
      for (const item of items)
        outcomes.set(item.stateId, resolved.permanent ? moveOn(item, "failed", { reason: resolved.reason }) : retryOrFail(item, { reason: resolved.reason }));
      return outcomes;
    }
    await eachLimited(items, CONCURRENCY, async (item) => {
      const body = JSON.stringify({
        journey: { id: journey.id, name: journey.name },
        node: { id: node.id },
        contact: { id: item.contact.id, email: item.contact.email, phone: item.contact.phone, attributes: item.contact.attributes },
        event: eventScope(item.context),
        sentAt: now.toISOString(),
      });
      const result = await callWebhook({
        target: resolved.target,
        method: node.config.method ?? "POST",
        body,
        secret: journey.webhookSecret,
        deliveryId: `${item.stateId}-${node.id}-${item.stepNo}`,
        timeoutMs: node.config.timeoutMs ?? 10_000,
        now,
      });
      if (result.kind === "ok") outcomes.set(item.stateId, moveOn(item, "called", { status: result.status }));
      else if (result.kind === "failed") outcomes.set(item.stateId, moveOn(item, "failed", { status: result.status, reason: result.reason }));
      else outcomes.set(item.stateId, retryOrFail(item, { status: result.status, reason: result.reason }));
    });
    return outcomes;
  };

/** The executor the runtime registers for webhook nodes (system DNS; loopback only with HERALD_WEBHOOK_ALLOW_PRIVATE=1). */
export const webhookExecutor = createWebhookExecutor();
