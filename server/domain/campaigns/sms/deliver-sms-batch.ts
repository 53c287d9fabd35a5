import { acquireSends, type RateLimit } from "@/server/domain/delivery/rate-limit";
import { loadSendingRoute } from "@/server/domain/delivery/sms/load-sending-route";
import { smsTransportFor } from "@/server/domain/delivery/sms/sms-transports";
import type { OutgoingSms } from "./compose-sms-batch";
import { writeSmsOutcomes, type SmsOutcome } from "./write-sms-outcomes";

export type SmsDeliverySummary = { sent: number; failed: number; retry: number; stopped: boolean };

/** Messages per submit call and per write of outcomes (and how often a pause is noticed). */
const CHUNK = 50;

/**
 * Sends a batch's charged messages route by route, through each route's transport (one SMPP bind per
 * route per process), under the campaign's limits and the route's own throttle_per_second, which is
 * counted in submitted parts and shared by every worker through the Postgres rate windows.
 * Accepted → sent (with the provider's id), refused for good → failed and refunded, refused for now
 * → left charged for the job's retry. A route deleted since launch fails its messages; a route whose
 * provider was removed leaves them charged until it has one again.
 */
export const deliverSmsBatch = async (options: {
  workspaceId: string;
  campaignId: string;
  batchNo: number;
  messages: OutgoingSms[];
  limits: RateLimit[];
  stillSending: () => Promise<boolean>;
}): Promise<SmsDeliverySummary> => {
  const summary: SmsDeliverySummary = { sent: 0, failed: 0, retry: 0, stopped: false };
  const byRoute = new Map<string, OutgoingSms[]>();
  for (const message of options.messages) byRoute.set(message.routeId, [...(byRoute.get(message.routeId) ?? []), message]);
  for (const [routeId, messages] of byRoute) {
    if (summary.stopped) break;
    const loaded = await loadSendingRoute({ workspaceId: options.workspaceId, routeId });
    if (!loaded.found || !loaded.route) {
      const outcomes: SmsOutcome[] = messages.map((message) =>
        loaded.found
          ? { message, state: "retry", reason: "The route has no provider now" }
          : { message, state: "failed", reason: "The SMS route was deleted after the campaign launched" },
      );
      await writeSmsOutcomes(options, outcomes, summary);
      continue;
    }
    const route = loaded.route;
    const transport = smsTransportFor(route);
    const routeLimit: RateLimit[] = route.throttlePerSecond ? [{ key: `sms-route:${route.id}`, limit: route.throttlePerSecond, window: "1 second" }] : [];
    for (let next = 0; next < messages.length && !summary.stopped; ) {
      const granted = await acquireSends(options.limits, Math.min(CHUNK, messages.length - next), () => summary.stopped);
      if (granted === 0) break;
      const chunk = messages.slice(next, next + granted);
      next += chunk.length;
      await acquireSends(routeLimit, chunk.reduce((parts, message) => parts + message.segments, 0));
      const results = await transport.submit(chunk.map((message) => ({ id: message.messageId, to: message.address, text: message.text })));
      const outcomes = chunk.map((message, index): SmsOutcome => {
        const result = results[index]!;
        if (result.ok) return { message, state: "sent", providerId: result.providerId, parts: result.parts };
        return { message, state: result.retryable ? "retry" : "failed", reason: result.reason.slice(0, 500) };
      });
      await writeSmsOutcomes(options, outcomes, summary);
      if (!(await options.stillSending())) summary.stopped = true;
    }
  }
  return summary;
};
