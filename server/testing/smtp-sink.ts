import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SunkMessage = { mailFrom: string; recipients: string[]; parsed: ParsedMail; raw: Buffer };

export type SmtpSink = {
  /** smtp://127.0.0.1:<port>, ready for SYSTEM_SMTP_URL or a nodemailer transport. */
  url: string;
  port: number;
  /** Everything received so far, in order. A message is here before the sender hears "250 OK". */
  messages: SunkMessage[];
  /** Messages whose envelope names this recipient (case-insensitive). */
  messagesTo: (address: string) => SunkMessage[];
  /** From now on, refuse the n-th message received (counting from 1) with a temporary 451 when `refuse(n)` says so. */
  refuseNext: (refuse: (n: number) => boolean) => void;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on loopback (random port) that keeps what it receives in memory, so a test can
 * send through the real transport and then read the mail as a person would. Parsing happens before
 * the reply, so once the sender's `sendMail` (or a worker job) resolves, the message is in `messages`:
 * no polling, no sleeps.
 */
export const startSmtpSink = async (): Promise<SmtpSink> => {
  const messages: SunkMessage[] = [];
  let received = 0;
  let refuse: (n: number) => boolean = () => false;
  const server = new SMTPServer({
    authOptional: true,
    // No TLS on loopback; otherwise nodemailer upgrades and rejects the self-signed certificate.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if (refuse(++received)) {
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              parsed,
              raw,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    messagesTo: (address) => messages.filter((m) => m.recipients.includes(address.toLowerCase())),
    refuseNext: (next) => {
      refuse = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
