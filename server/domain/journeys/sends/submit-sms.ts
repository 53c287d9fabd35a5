import type { SendResult } from "@/server/domain/delivery/transports/transport";

export type SmsRouteForSending = {
  id: string;
  name: string;
  markets: string[];
  pricePerSegment: number;
  charset: "ucs2" | "gsm7" | "gsm7_basic";
  /** { kind: "smpp" | "http", ... } or null: the route only has prices. */
  provider: Record<string, unknown> | null;
};

export type OutgoingSms = { messageId: string; to: string; text: string; segments: number };

type SmsTransport = { send(message: OutgoingSms): Promise<SendResult> };

export const NO_SMS_ROUTE = "no SMS route can send";

/**
 * The seam where a journey SMS leaves Herald. This build has no SMS transport yet (the SMS gateway
 * adds SMPP and HTTP providers): it answers null for every route, so journeys skip SMS steps with
 * "no SMS route can send" instead of charging for messages that cannot leave. The gateway replaces
 * this function with one that returns its transport for a route's provider.
 */
export const smsTransportFor = (route: SmsRouteForSending): SmsTransport | null => {
  void route;
  return null;
};

/** Whether a message could leave through this route now. */
export const canSubmitSms = (route: SmsRouteForSending | null): route is SmsRouteForSending => Boolean(route?.provider && smsTransportFor(route));

/** Hands one SMS to the route's transport; without one, a permanent refusal (never a crash). */
export const submitSms = async (route: SmsRouteForSending, message: OutgoingSms): Promise<SendResult> => {
  const transport = route.provider ? smsTransportFor(route) : null;
  if (!transport) return { ok: false, permanent: true, reason: NO_SMS_ROUTE };
  return transport.send(message);
};
