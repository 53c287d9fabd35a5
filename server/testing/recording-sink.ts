import { SMTPServer } from "smtp-server";

export type Receipt = { to: string; messageId: string };

/**
 * A fast SMTP sink for volume tests: it keeps only each message's recipient and Message-ID (no MIME
 * parsing), can slow every message down (so a test can kill a sender mid-send), and can refuse a
 * share of messages with a temporary 451.
 */
export const startRecordingSink = async ({ delayMs = 0 }: { delayMs?: number } = {}) => {
  const receipts: Receipt[] = [];
  let refuse: () => boolean = () => false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const finish = () => {
          if (refuse()) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(head)?.[1] ?? "";
          for (const rcpt of session.envelope.rcptTo) receipts.push({ to: rcpt.address.toLowerCase(), messageId });
          callback();
        };
        if (delayMs > 0) setTimeout(finish, delayMs);
        else finish();
      });
    },
  });
  // A sender killed mid-transaction resets its connections: expected here, not a failure of the sink.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    receipts,
    /** From now on, refuse a message (451) whenever `next()` says so. */
    refuseWhen: (next: () => boolean) => {
      refuse = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
