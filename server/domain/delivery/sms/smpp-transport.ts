/// <reference path="../../../../types/smpp.d.ts" />
import * as smpp from "smpp";
import { logger } from "@/server/logger";
import { allowPrivateUrls, publicOnlyLookup } from "@/server/net/fetch-public-url";
import { classifySubmitStatus, concatReference, encodeSubmitParts, ESM_CLASS_RECEIPT, parseReceipt, senderAddress, statusName, type SubmitPart } from "./smpp-encoding";
import type { SmppProvider } from "./sms-provider";
import type { ReceiptHandler, SmsMessage, SmsReceipt, SmsSubmitResult, SmsTransport } from "./sms-transport";
import { SmppWindow } from "./smpp-window";

export type SmppTransportOptions = {
  name: string;
  onReceipts?: ReceiptHandler;
  /** submit_sm awaiting their response at once on this connection. */
  windowSize?: number;
  responseTimeoutMs?: number;
  /** Unbind after this long without a submit; the SMSC holds receipts until the next bind. */
  idleCloseMs?: number;
  enquireLinkMs?: number;
};

type PendingReceipt = { receipt: SmsReceipt; ack: (ok: boolean) => void; tries: number };
type PartResult = { ok: true; id: string } | { ok: false; retryable: boolean; ambiguous: boolean; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const THROTTLE_PAUSE_MS = 1_000;
const RESP_QUEUE_FULL = 0x14;
const RESP_THROTTLED = 0x58;
const RESP_TEMP_APP_ERROR = 0x64;
const RECEIPT_RETRIES = 30;

/**
 * One SMPP transceiver bind to a provider, shared by every batch of its route in this process:
 * bind_transceiver with the route's credentials, submit_sm with at most `windowSize` awaiting their
 * response, enquire_link every 30 s (a silent link is dropped and bound again), and delivery
 * receipts (deliver_sm with the receipt bit) handed to `onReceipts` in small batches and answered
 * once recorded, so a receipt lost to a crash is redelivered by the SMSC rather than dropped.
 *
 * Throttling (ESME_RTHROTTLED, queue full) pauses the whole connection for a second. A message is
 * only reported retryable when none of its parts was accepted, so the caller's resubmit does not
 * duplicate a part; once one part is out, the rest are retried here until they go or are refused.
 * The one exception SMPP leaves open: a first part sent but never answered (the link dropped, or no
 * response in 30 s) may have been taken, and its resubmit can then arrive twice.
 */
export class SmppTransport implements SmsTransport {
  readonly name: string;
  private session: smpp.Session | null = null;
  private binding: Promise<smpp.Session> | null = null;
  private closed = false;
  private readonly window: SmppWindow;
  private readonly lost = new Set<(reason: string) => void>();
  private throttledUntil = 0;
  private lastUsed = 0;
  private timers: NodeJS.Timeout[] = [];
  private receipts: PendingReceipt[] = [];
  private receiptFlush: NodeJS.Timeout | null = null;
  private reconnectDelay = 1_000;

  constructor(
    private readonly config: SmppProvider,
    private readonly options: SmppTransportOptions,
  ) {
    this.name = options.name;
    this.window = new SmppWindow(options.windowSize ?? 10);
  }

  async submit(messages: readonly SmsMessage[]): Promise<SmsSubmitResult[]> {
    this.lastUsed = Date.now();
    return Promise.all(messages.map((message) => this.submitMessage(message)));
  }

  private async submitMessage(message: SmsMessage): Promise<SmsSubmitResult> {
    const parts = encodeSubmitParts(message.text, concatReference(message.id));
    const ids: string[] = [];
    for (const [index, part] of parts.entries()) {
      for (let attempt = 1; ; attempt++) {
        const result = await this.submitPart(message.to, part);
        if (result.ok) {
          ids.push(result.id);
          break;
        }
        // Before anything is accepted, "not now" goes back to the caller (the batch retries later);
        // after, the message is half out and only finishing it here avoids sending a part twice.
        const safeToRetryHere = result.retryable && !result.ambiguous;
        if (ids.length === 0) {
          if (safeToRetryHere && attempt < 3) {
            await sleep(250 * attempt);
            continue;
          }
          return { ok: false, retryable: result.retryable, reason: result.reason };
        }
        if (safeToRetryHere && attempt < 30) {
          await sleep(Math.min(250 * attempt, 2_000));
          continue;
        }
        return { ok: false, retryable: false, reason: `Part ${index + 1} of ${parts.length} was not accepted after the first was: ${result.reason}` };
      }
    }
    return { ok: true, providerId: ids[0] ?? null, parts: parts.length };
  }

  private async submitPart(to: string, part: SubmitPart): Promise<PartResult> {
    let session: smpp.Session;
    try {
      session = await this.ready();
    } catch (error) {
      return { ok: false, retryable: true, ambiguous: false, reason: (error as Error).message };
    }
    await this.window.acquire();
    const wait = this.throttledUntil - Date.now();
    if (wait > 0) await sleep(wait);
    const sender = senderAddress(this.config.sourceAddr);
    return new Promise<PartResult>((resolve) => {
      let done = false;
      const finish = (result: PartResult) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.lost.delete(onLost);
        this.window.release();
        resolve(result);
      };
      // Sent but unanswered: the SMSC may have taken it, so the caller must not resubmit blindly.
      const onLost = (reason: string) => finish({ ok: false, retryable: true, ambiguous: true, reason });
      this.lost.add(onLost);
      const timer = setTimeout(() => onLost("The SMSC did not answer in time"), this.options.responseTimeoutMs ?? 30_000);
      const sent = session.submit_sm(
        {
          source_addr_ton: sender.ton,
          source_addr_npi: sender.npi,
          source_addr: sender.addr,
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: to.replace(/^\+/, ""),
          esm_class: part.esmClass,
          registered_delivery: 1,
          data_coding: part.dataCoding,
          short_message: part.shortMessage,
        },
        (pdu) => {
          if (pdu.command_status === 0) return finish({ ok: true, id: String(pdu.message_id ?? "").replace(/\0+$/, "") });
          if (pdu.command_status === RESP_THROTTLED || pdu.command_status === RESP_QUEUE_FULL) this.throttledUntil = Date.now() + THROTTLE_PAUSE_MS;
          finish({ ok: false, ambiguous: false, ...classifySubmitStatus(pdu.command_status) });
        },
      );
      if (!sent) finish({ ok: false, retryable: true, ambiguous: false, reason: "The connection to the SMSC is closed" });
    });
  }

  private ready(): Promise<smpp.Session> {
    if (this.closed) return Promise.reject(new Error("The SMS transport was closed"));
    if (this.session) return Promise.resolve(this.session);
    this.binding ??= this.bind().finally(() => (this.binding = null));
    return this.binding;
  }

  private bind(): Promise<smpp.Session> {
    const { host, port, tls } = this.config;
    return new Promise((resolve, reject) => {
      let bound = false;
      const session = smpp.connect({ host, port, tls, servername: tls ? host : undefined, lookup: allowPrivateUrls() ? undefined : publicOnlyLookup });
      const fail = (reason: string) => {
        if (bound) return;
        clearTimeout(timer);
        session.destroy();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(`No answer from the SMSC at ${host}:${port}`), 15_000);
      session.on("error", (error: Error) => {
        if (!bound) return fail(`Could not connect to the SMSC at ${host}:${port}: ${error.message}`);
        logger.warn({ transport: this.name, err: error }, "SMPP connection error");
      });
      session.on("close", () => (bound ? this.onClosed(session) : fail(`The SMSC at ${host}:${port} closed the connection`)));
      session.once(tls ? "secureConnect" : "connect", () => {
        session.bind_transceiver({ system_id: this.config.systemId, password: this.config.password, system_type: this.config.systemType, interface_version: 0x34 }, (pdu) => {
          if (pdu.command_status !== 0) return fail(`The SMSC refused the bind (${statusName(pdu.command_status)}): check the system id and password`);
          bound = true;
          clearTimeout(timer);
          this.reconnectDelay = 1_000;
          this.attach(session);
          resolve(session);
        });
      });
    });
  }

  private attach(session: smpp.Session) {
    this.session = session;
    session.on("deliver_sm", (pdu: smpp.PDU) => this.onDeliver(session, pdu));
    session.on("enquire_link", (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    const keepAlive = setInterval(() => {
      if (Date.now() - this.lastUsed > (this.options.idleCloseMs ?? 300_000)) return void this.unbind(session);
      const silent = setTimeout(() => session.destroy(), 10_000);
      session.enquire_link(() => clearTimeout(silent));
    }, this.options.enquireLinkMs ?? 30_000);
    keepAlive.unref();
    this.timers.push(keepAlive);
  }

  private onClosed(session: smpp.Session) {
    if (this.session !== session) return;
    this.session = null;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const onLost of [...this.lost]) onLost("The connection to the SMSC was lost");
    this.scheduleReconnect();
  }

  /** Dropped while in use: bind again (backing off), so receipts keep coming; idle, the next submit binds. */
  private scheduleReconnect() {
    if (this.closed || Date.now() - this.lastUsed >= (this.options.idleCloseMs ?? 300_000)) return;
    const retry = setTimeout(() => {
      if (!this.session) this.ready().catch(() => this.scheduleReconnect());
    }, this.reconnectDelay);
    retry.unref();
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 30_000);
  }

  private onDeliver(session: smpp.Session, pdu: smpp.PDU) {
    const receipt = (Number(pdu.esm_class) & ESM_CLASS_RECEIPT) !== 0 ? parseReceipt(pdu as never) : null;
    // Replies from handsets (STOP keywords) are the SMS gateway's work; they are acknowledged here.
    if (!receipt?.status || !this.options.onReceipts) return void session.send(pdu.response());
    this.queueReceipt({
      receipt: { providerId: receipt.providerId, status: receipt.status, state: receipt.state, error: receipt.error, at: new Date() },
      ack: (ok) => session.send(pdu.response(ok ? {} : { command_status: RESP_TEMP_APP_ERROR })),
      tries: 0,
    });
  }

  private queueReceipt(entry: PendingReceipt) {
    this.receipts.push(entry);
    if (this.receipts.length >= 100) void this.flushReceipts();
    else this.receiptFlush ??= setTimeout(() => void this.flushReceipts(), 200);
  }

  private async flushReceipts() {
    if (this.receiptFlush) clearTimeout(this.receiptFlush);
    this.receiptFlush = null;
    const batch = this.receipts.splice(0, this.receipts.length);
    if (batch.length === 0) return;
    let unmatched: Set<string>;
    try {
      unmatched = new Set((await this.options.onReceipts!(batch.map((entry) => entry.receipt))).unmatched);
    } catch (error) {
      logger.error({ transport: this.name, err: error }, "could not record SMS delivery receipts; the SMSC will send them again");
      for (const entry of batch) entry.ack(false);
      return;
    }
    for (const entry of batch) {
      // A receipt can arrive before the batch has written its message's provider id: look again shortly.
      if (unmatched.has(entry.receipt.providerId) && entry.tries < RECEIPT_RETRIES && !this.closed) {
        const retry = setTimeout(() => this.queueReceipt({ ...entry, tries: entry.tries + 1 }), 1_000);
        retry.unref();
      } else entry.ack(true);
    }
  }

  private unbind(session: smpp.Session): Promise<void> {
    return new Promise((resolve) => {
      const force = setTimeout(() => session.destroy(() => resolve()), 2_000);
      session.once("close", () => {
        clearTimeout(force);
        resolve();
      });
      if (!session.unbind(() => session.close())) session.destroy();
    });
  }

  async close() {
    this.closed = true;
    await this.flushReceipts();
    const session = this.session ?? (await this.binding?.catch(() => null)) ?? null;
    if (session) await this.unbind(session);
  }
}
