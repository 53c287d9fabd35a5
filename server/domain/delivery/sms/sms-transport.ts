/**
 * How text messages leave Herald. SMPP and HTTP providers implement it now; the SMS gateway issue adds
 * more kinds behind the same shape, so the campaign pipeline never knows which one it is talking to.
 */
export type SmsMessage = {
  /** Herald's message id: a resubmission of the same message keeps it (and its concatenation reference). */
  id: string;
  /** E.164, with the +. */
  to: string;
  /** The text exactly as rendered; the transport cuts it into parts the way the composer counted them. */
  text: string;
};

export type SmsSubmitResult =
  /** providerId: what the provider calls it (the first part's id for a multi-part message); null if it gave none. */
  | { ok: true; providerId: string | null; parts: number }
  /** retryable: refused for now (throttled, queue full, timeout, connection lost) and nothing was accepted, so a resubmit is safe. */
  | { ok: false; retryable: boolean; reason: string };

/** A delivery receipt: what finally happened to a message the provider accepted. */
export type SmsReceipt = { providerId: string; status: "delivered" | "failed"; state: string; error: string | null; at: Date };

export type SmsTransport = {
  /** Stable per route and configuration, for logs and rate-limit keys. */
  readonly name: string;
  /** One result per message, in order. Never throws for a refusal; throws only on a bug. */
  submit(messages: readonly SmsMessage[]): Promise<SmsSubmitResult[]>;
  close(): Promise<void>;
};

/** Records receipts; returns the provider ids it could not match yet (their message's id is still being written). */
export type ReceiptHandler = (receipts: SmsReceipt[]) => Promise<{ unmatched: string[] }>;
