/**
 * Where messages leave Herald. SMTP smarthosts implement it now; HTTP providers (and the SMS gateway)
 * implement the same shape later, so the batch sender never knows which one it is talking to.
 */
export type OutgoingMessage = { from: string; to: string; raw: string };

export type SendResult =
  | { ok: true; response: string }
  /** permanent: the upstream refused for good (5xx), so retrying is pointless and the credit is refunded. */
  | { ok: false; permanent: boolean; reason: string };

export type Transport = {
  /** Stable name, used for rate-limit keys and the message log. */
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): void;
};
