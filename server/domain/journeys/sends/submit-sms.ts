import { readStoredProvider } from "@/server/domain/delivery/sms/sms-provider";
import { smsTransportFor } from "@/server/domain/delivery/sms/sms-transports";
import type { SendResult } from "@/server/domain/delivery/transports/transport";

export type SmsRouteForSending = {
  id: string;
  workspaceId: string;
  name: string;
  markets: string[];
  pricePerSegment: number;
  charset: "ucs2" | "gsm7" | "gsm7_basic";
  /** { kind: "smpp" | "http", ... } or null: the route only has prices. */
  provider: Record<string, unknown> | null;
};

export type OutgoingSms = { messageId: string; to: string; text: string; segments: number };

export const NO_SMS_ROUTE = "no SMS route can send";

/** Whether a message could leave through this route: it has a complete provider. */
export const canSubmitSms = (route: SmsRouteForSending | null): route is SmsRouteForSending => Boolean(route && readStoredProvider(route.provider));

/**
 * Hands one journey SMS to the route's transport, the same SMPP bind or HTTP provider campaigns use
 * (server/domain/delivery/sms). `providerId` is what delivery receipts will name.
 */
export const submitSms = async (route: SmsRouteForSending, message: OutgoingSms): Promise<SendResult & { providerId?: string | null }> => {
  const provider = readStoredProvider(route.provider);
  if (!provider) return { ok: false, permanent: true, reason: NO_SMS_ROUTE };
  const transport = smsTransportFor({ id: route.id, workspaceId: route.workspaceId, name: route.name, provider });
  const [result] = await transport.submit([{ id: message.messageId, to: message.to, text: message.text }]);
  if (!result) return { ok: false, permanent: false, reason: "the SMS transport gave no answer" };
  return result.ok ? { ok: true, response: `accepted in ${result.parts} part(s)`, providerId: result.providerId } : { ok: false, permanent: !result.retryable, reason: result.reason };
};
