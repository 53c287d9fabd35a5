import type { Task } from "graphile-worker";
import { z } from "zod";
import { deliverTestEmail } from "@/server/domain/content/templates/deliver-test-email";

// Payloads may have been queued by older code, so check them at run time.
const Payload = z.object({
  workspaceId: z.string().uuid(),
  templateId: z.string().uuid(),
  to: z.array(z.string().email()).min(1).max(10),
  contactId: z.string().uuid().nullable(),
});

/** A template's test send. Throws on SMTP failure so graphile-worker retries. */
export const sendTestEmail: Task = async (raw, helpers) => {
  const result = await deliverTestEmail(Payload.parse(raw));
  if (result.status === "broken") helpers.logger.warn(`test of template ${Payload.parse(raw).templateId} not sent: it no longer compiles`);
  else helpers.logger.info(`test of template sent to ${result.sent.join(", ")}`);
};
