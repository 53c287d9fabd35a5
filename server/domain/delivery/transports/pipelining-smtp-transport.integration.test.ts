import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { createPipeliningSmtpTransport } from "./pipelining-smtp-transport";

type Received = { from: string; to: string[]; subject: string; text: string };

let server: SMTPServer;
let port = 0;
const received: Received[] = [];
let answer: (to: string) => number = () => 250;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, callback) =>
      auth.username === "herald" && auth.password === "s3cret" ? callback(null, { user: "herald" }) : callback(new Error("Invalid credentials")),
    onRcptTo: (address, _session, callback) => {
      const code = answer(address.address);
      if (code >= 400) return callback(Object.assign(new Error(code >= 500 ? "No such user" : "Try later"), { responseCode: code }));
      callback();
    },
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? "", text: mail.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = (n: number, body = `Hello ${n}`) =>
  `From: a@sender.example\r\nTo: r${n}@example.com\r\nSubject: Message ${n}\r\nMessage-ID: <m${n}@sender.example>\r\n\r\n${body}\r\n`;

describe("pipelining SMTP transport", () => {
  it("delivers many messages over a few authenticated connections, byte-safe (dot-stuffed)", async () => {
    const transport = createPipeliningSmtpTransport(`smtp://herald:s3cret@127.0.0.1:${port}?client=pipelining&connections=3`);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, n) => transport.send({ from: "bounce@sender.example", to: `r${n}@example.com`, raw: message(n, n === 7 ? ".starts with a dot\r\n..two" : `Hello ${n}`) })),
    );
    transport.close();
    expect(results.every((r) => r.ok)).toBe(true);
    const mine = received.filter((m) => m.subject.startsWith("Message "));
    expect(mine).toHaveLength(60);
    expect(mine.find((m) => m.subject === "Message 7")!.text.trimEnd()).toBe(".starts with a dot\n..two");
  });

  it("tells temporary refusals from permanent ones, and keeps the connection usable", async () => {
    answer = (to) => (to.startsWith("later") ? 451 : to.startsWith("never") ? 550 : 250);
    const transport = createPipeliningSmtpTransport(`smtp://herald:s3cret@127.0.0.1:${port}?client=pipelining&connections=1`);
    const later = await transport.send({ from: "b@sender.example", to: "later@example.com", raw: message(100) });
    const never = await transport.send({ from: "b@sender.example", to: "never@example.com", raw: message(101) });
    const fine = await transport.send({ from: "b@sender.example", to: "fine@example.com", raw: message(102) });
    transport.close();
    answer = () => 250;
    expect(later).toMatchObject({ ok: false, permanent: false });
    expect(never).toMatchObject({ ok: false, permanent: true });
    expect(fine.ok).toBe(true);
  });

  it("reports a refused login as a temporary failure to retry, not a crash", async () => {
    const transport = createPipeliningSmtpTransport(`smtp://herald:wrong@127.0.0.1:${port}?client=pipelining&connections=1`);
    const result = await transport.send({ from: "b@sender.example", to: "x@example.com", raw: message(200) });
    transport.close();
    expect(result).toMatchObject({ ok: false, permanent: false, reason: expect.stringContaining("AUTH") });
  });
});
