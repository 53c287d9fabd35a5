import nodemailer from "nodemailer";
import type { OutgoingMessage, SendResult, Transport } from "./transport";

type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

/** Pooled nodemailer connections to one smarthost. Messages arrive fully built (and signed); they are sent byte for byte. */
export const createSmtpTransport = (url: string, options: { maxConnections?: number } = {}): Transport => {
  const parsed = new URL(url);
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === "smtps:" ? 465 : 25)),
    secure: parsed.protocol === "smtps:",
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // Loopback smarthosts (the mail catcher, a local relay) need no TLS; anything else upgrades when offered.
    ignoreTLS: parsed.searchParams.get("tls") === "off" || ["127.0.0.1", "localhost", "::1"].includes(parsed.hostname),
    pool: true,
    maxConnections: options.maxConnections ?? Number(parsed.searchParams.get("connections") ?? 10),
    maxMessages: Infinity,
  });
  const name = `smtp:${parsed.host}`;
  return {
    name,
    async send({ from, to, raw }: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({ envelope: { from, to: [to] }, raw });
        if (info.rejected?.length) return { ok: false, permanent: true, reason: `rejected: ${String(info.response ?? "")}` };
        return { ok: true, response: String(info.response ?? "") };
      } catch (error) {
        const smtp = error as SmtpError;
        const code = smtp.responseCode;
        // 5xx is final; 4xx, timeouts and dropped connections are worth another try.
        return { ok: false, permanent: code !== undefined && code >= 500, reason: smtp.response ?? smtp.message };
      }
    },
    close: () => transport.close(),
  };
};
