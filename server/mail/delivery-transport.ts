import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/server/env";

const transports = new Map<string, Transporter>();

const transportFor = (url: string) => {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url.includes("?") ? url : `${url}?pool=true`);
    transports.set(url, transport);
  }
  return transport;
};

export type RawDelivery = { from: string; to: string[]; raw: string; smtpUrl?: string };

/**
 * Hands a complete message (built by server/domain/content/render) to the smarthost as it is: no
 * re-encoding, so what was rendered is byte for byte what is sent. Throws on any SMTP failure so the
 * calling job retries. The delivery engine replaces this with weighted, rate-limited transports.
 */
export const deliverRawMessage = async ({ from, to, raw, smtpUrl }: RawDelivery) => {
  const info = await transportFor(smtpUrl ?? env().DELIVERY_SMTP_URL).sendMail({ envelope: { from, to }, raw });
  return { accepted: (info.accepted ?? []).map(String), rejected: (info.rejected ?? []).map(String), response: info.response };
};
