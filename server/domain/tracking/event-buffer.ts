import { db } from "@/server/db/client";
import { recordMessageEvents, type MessageEventInput } from "@/server/domain/delivery/record-message-events";
import { logger } from "@/server/logger";
import { findMessagesById, recipientDomain } from "./find-tracked-message";

/** An open or click as the web process sees it: only the message id is known; the flush looks up the rest. */
export type BufferedEvent = {
  messageId: string;
  kind: "opened" | "clicked";
  occurredAt: Date;
  link?: { index: number; url: string };
  data?: Record<string, unknown>;
};

export const FLUSH_EVERY_MS = 250;
export const FLUSH_AT_EVENTS = 500;
/** A database outage must not grow memory without bound: past this, new opens and clicks are dropped. */
const MAX_PENDING = 20_000;

type State = { pending: BufferedEvent[]; timer: NodeJS.Timeout | null; chain: Promise<void>; exitHooked: boolean };

// Next's dev server reloads modules; the buffer (and its timer) must stay one per process.
const globalForBuffer = globalThis as unknown as { heraldEventBuffer?: State };
const state = (): State => (globalForBuffer.heraldEventBuffer ??= { pending: [], timer: null, chain: Promise.resolve(), exitHooked: false });

/**
 * Opens and clicks arrive one request at a time; writing each would be a transaction per pixel. They are
 * collected here and written every 250 ms or 500 events, one batch at a time (so uniques are decided in
 * order), with the messages they belong to resolved in one query per flush.
 */
export const bufferMessageEvent = (event: BufferedEvent): void => {
  const current = state();
  hookExit(current);
  if (current.pending.length >= MAX_PENDING) return;
  current.pending.push(event);
  if (current.pending.length >= FLUSH_AT_EVENTS) void flushNow();
  else current.timer ??= setTimeout(() => void flushNow(), FLUSH_EVERY_MS).unref();
};

/** Writes everything buffered so far; resolves once it (and any flush before it) is written. */
export const flushNow = (): Promise<void> => {
  const current = state();
  if (current.timer) clearTimeout(current.timer);
  current.timer = null;
  const batch = current.pending.splice(0, current.pending.length);
  current.chain = current.chain.then(() => writeBatch(batch));
  return current.chain;
};

const writeBatch = async (batch: BufferedEvent[]): Promise<void> => {
  if (batch.length === 0) return;
  try {
    for (let start = 0; start < batch.length; start += FLUSH_AT_EVENTS) {
      const slice = batch.slice(start, start + FLUSH_AT_EVENTS);
      const messages = await findMessagesById(slice.map((event) => event.messageId));
      const events: MessageEventInput[] = [];
      for (const event of slice) {
        const message = messages.get(event.messageId);
        if (!message) continue; // its month was dropped, or it never existed
        events.push({
          workspaceId: message.workspaceId,
          messageId: message.id,
          campaignId: message.campaignId,
          contactId: message.contactId,
          kind: event.kind,
          occurredAt: event.occurredAt,
          domain: recipientDomain(message),
          link: event.link,
          variant: message.variant,
          data: event.data,
        });
      }
      await recordMessageEvents(db, events);
    }
  } catch (error) {
    // Opens and clicks are statistics: losing one batch to an outage beats failing the pixel or the redirect.
    logger.error({ err: error, events: batch.length }, "could not record opens and clicks");
  }
};

/** Best effort on shutdown: whatever is buffered gets one flush before the process goes. */
const hookExit = (current: State) => {
  if (current.exitHooked) return;
  current.exitHooked = true;
  process.once("beforeExit", () => void flushNow());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void flushNow().finally(() => {
        // Alone on this signal, a listener would swallow it: hand it back to Node's default (exit).
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    });
  }
};
