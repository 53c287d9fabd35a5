import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/server/env";
import type { SystemEmail } from "@/server/domain/system-mail/enqueue-system-email";

let transport: Transporter | undefined;

const systemTransport = (): Transporter =>
  (transport ??= nodemailer.createTransport(env().SYSTEM_SMTP_URL, { from: env().SYSTEM_MAIL_FROM }));

/** Sends immediately; callers that want retries queue `system/send-email` instead. */
export const sendSystemEmail = async (email: SystemEmail): Promise<{ messageId: string }> => {
  const info = await systemTransport().sendMail({
    from: env().SYSTEM_MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
  });
  return { messageId: info.messageId };
};
