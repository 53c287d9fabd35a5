import type { StepItem, StepOutcome } from "@/server/domain/journeys/runtime/step-types";

/**
 * Waits before resending a message the receiving server refused for now (4xx, a dropped connection):
 * 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h. The step is retried per run (the runs that went out move
 * on), with the same Message-ID, so a smarthost outage of up to a day delays messages instead of
 * losing them; after the last, the message is marked failed and its credits refunded.
 */
export const SEND_RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;

type Herald = { sendRetries?: Record<string, number> } & Record<string, unknown>;

const heraldOf = (context: Record<string, unknown>): Herald => {
  const value = context._herald;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Herald) : {};
};

/** How many times this run's message at `nodeId` was refused for now. */
export const sendRetriesOf = (item: StepItem, nodeId: string) => heraldOf(item.context).sendRetries?.[nodeId] ?? 0;

/** The run's context with this node's retry count set, or cleared (null) once the step is over. */
export const withSendRetries = (context: Record<string, unknown>, nodeId: string, retries: number | null): Record<string, unknown> => {
  const herald = { ...heraldOf(context) };
  const counts = { ...(herald.sendRetries ?? {}) };
  if (retries === null) delete counts[nodeId];
  else counts[nodeId] = retries;
  if (Object.keys(counts).length) herald.sendRetries = counts;
  else delete herald.sendRetries;
  const copy = { ...context };
  if (Object.keys(herald).length) copy._herald = herald;
  else delete copy._herald;
  return copy;
};

/** The retry outcome for a message refused for now, or null when it has been retried enough (fail it). */
export const retryRefusedSend = (item: StepItem, nodeId: string, now: Date, reason: string): StepOutcome | null => {
  const retries = sendRetriesOf(item, nodeId) + 1;
  const minutes = SEND_RETRY_MINUTES[retries - 1];
  if (minutes === undefined) return null;
  return {
    kind: "retry",
    at: new Date(now.getTime() + minutes * 60_000),
    outcome: "retrying",
    detail: { reason, attempts: retries },
    context: withSendRetries(item.context, nodeId, retries),
  };
};
