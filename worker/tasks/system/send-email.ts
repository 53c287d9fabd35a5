import type { Task } from "graphile-worker";
import { z } from "zod";
import { sendSystemEmail } from "@/server/mail/system-mailer";

// Payloads may have been queued by older code, so check them at run time.
const Payload = z.object({
  to: z.string().min(3),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
});

/** The app's own mail (password resets, invitations). Throws on SMTP failure so graphile-worker retries. */
export const sendEmail: Task = async (raw, helpers) => {
  const email = Payload.parse(raw);
  const { messageId } = await sendSystemEmail(email);
  helpers.logger.info(`sent system email "${email.subject}" to ${email.to} (${messageId})`);
};
