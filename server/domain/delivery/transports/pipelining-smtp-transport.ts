import net from "node:net";
import type { OutgoingMessage, SendResult, Transport } from "./transport";

/**
 * A lean SMTP client for loopback and trusted smarthosts (the mail catcher, Herald's relay, a local
 * Postfix), where nodemailer's per-message machinery costs more CPU than the delivery itself. It keeps
 * `connections` sockets open and pipelines each transaction (RFC 2920): MAIL, RCPT and DATA go in one
 * write, the body in a second, so a message costs two round trips instead of four. Opt in with
 * `?client=pipelining` on the smarthost URL; it speaks plain SMTP with AUTH PLAIN only (no STARTTLS),
 * so use nodemailer (the default) for anything reached over a network you do not control.
 */
type Pending = { resolve: (reply: Reply) => void };
type Reply = { code: number; text: string };

class Connection {
  private socket: net.Socket | null = null;
  private buffer = "";
  private waiting: Pending[] = [];
  private lines: string[] = [];
  private ready: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  busy = 0;

  constructor(private readonly host: string, private readonly port: number, private readonly auth: { user: string; pass: string } | null) {}

  private readReply(): Promise<Reply> {
    return new Promise((resolve) => this.waiting.push({ resolve }));
  }

  private onData(chunk: Buffer) {
    this.buffer += chunk.toString("latin1");
    let newline: number;
    while ((newline = this.buffer.indexOf("\r\n")) !== -1) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 2);
      this.lines.push(line.slice(4));
      // "250-..." continues a multi-line reply; "250 ..." ends it.
      if (line[3] !== "-") {
        const reply = { code: Number(line.slice(0, 3)), text: this.lines.join(" ") };
        this.lines = [];
        this.waiting.shift()?.resolve(reply);
      }
    }
  }

  private fail(reason: string) {
    this.socket?.destroy();
    this.socket = null;
    this.ready = null;
    for (const pending of this.waiting.splice(0)) pending.resolve({ code: 421, text: reason });
  }

  private connect(): Promise<void> {
    this.ready ??= (async () => {
      const socket = net.connect(this.port, this.host);
      socket.setNoDelay(true);
      socket.setTimeout(60_000, () => this.fail("timed out"));
      socket.on("data", (chunk: Buffer) => this.onData(chunk));
      socket.on("error", (error) => this.fail(error.message));
      socket.on("close", () => this.fail("connection closed"));
      this.socket = socket;
      const greeting = await this.readReply();
      if (greeting.code !== 220) throw new Error(`greeting: ${greeting.code} ${greeting.text}`);
      socket.write("EHLO herald\r\n");
      const ehlo = await this.readReply();
      if (ehlo.code !== 250) throw new Error(`EHLO: ${ehlo.code} ${ehlo.text}`);
      if (this.auth) {
        socket.write(`AUTH PLAIN ${Buffer.from(`\0${this.auth.user}\0${this.auth.pass}`).toString("base64")}\r\n`);
        const auth = await this.readReply();
        if (auth.code !== 235) throw new Error(`AUTH: ${auth.code} ${auth.text}`);
      }
    })().catch((error: Error) => {
      this.fail(error.message);
      throw error;
    });
    return this.ready;
  }

  /** One transaction at a time per connection, in order; two round trips each. */
  send(message: OutgoingMessage): Promise<SendResult> {
    this.busy++;
    const run = this.queue.then(() => this.transaction(message));
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      this.busy--;
    });
  }

  private async transaction({ from, to, raw }: OutgoingMessage): Promise<SendResult> {
    try {
      await this.connect();
    } catch (error) {
      return { ok: false, permanent: false, reason: (error as Error).message };
    }
    const socket = this.socket!;
    const replies = [this.readReply(), this.readReply(), this.readReply()];
    socket.write(`MAIL FROM:<${from}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
    const [mail, rcpt, data] = await Promise.all(replies);
    if (data!.code !== 354) {
      if (data!.code < 400 || data!.code === 421) this.fail("unexpected reply");
      else {
        // Its reply is read (and dropped) in order, before the next transaction's.
        void this.readReply();
        socket.write("RSET\r\n");
      }
      const refusal = [mail, rcpt, data].find((reply) => reply!.code >= 400) ?? data!;
      return { ok: false, permanent: refusal!.code >= 500, reason: `${refusal!.code} ${refusal!.text}` };
    }
    // Dot-stuffing copies the message, so only when a line starts with "." (a quick scan says whether);
    // the end-of-data line goes as a second write rather than a concatenation that copies it again.
    const body = raw.startsWith(".") || raw.includes("\r\n.") ? (raw.startsWith(".") ? "." : "") + raw.replace(/\r\n\./g, "\r\n..") : raw;
    const end = this.readReply();
    socket.cork();
    socket.write(body, "latin1");
    socket.write(body.endsWith("\r\n") ? ".\r\n" : "\r\n.\r\n");
    socket.uncork();
    const done = await end;
    if (done.code >= 200 && done.code < 300) return { ok: true, response: `${done.code} ${done.text}` };
    return { ok: false, permanent: done.code >= 500, reason: `${done.code} ${done.text}` };
  }

  close() {
    this.socket?.end("QUIT\r\n");
    this.socket = null;
    this.ready = null;
  }
}

export const createPipeliningSmtpTransport = (url: string): Transport => {
  const parsed = new URL(url);
  const size = Number(parsed.searchParams.get("connections") ?? 10);
  const auth = parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : null;
  const connections = Array.from({ length: size }, () => new Connection(parsed.hostname, Number(parsed.port || 25), auth));
  return {
    name: `smtp:${parsed.host}`,
    // The least busy connection takes the message, so slow transactions do not hold up the rest.
    send: (message) => connections.reduce((best, c) => (c.busy < best.busy ? c : best)).send(message),
    close: () => connections.forEach((c) => c.close()),
  };
};
