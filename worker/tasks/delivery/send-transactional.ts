import type { Task } from "graphile-worker";
import { z } from "zod";
import { deliverTransactional } from "@/server/domain/transactional/deliver-transactional";
import type { TransactionalJob } from "@/server/domain/transactional/transactional-rules";

const Payload = z.object({
  workspaceId: z.string().uuid(),
  messageId: z.string().uuid(),
  contactId: z.string().uuid(),
  to: z.string().email(),
  toName: z.string().nullable(),
  templateId: z.string().uuid().nullable(),
  subject: z.string().nullable(),
  html: z.string().nullable(),
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  sendingIdentityId: z.string().uuid().nullable(),
});

/** One transactional message; throws on a temporary refusal so graphile-worker retries with backoff. */
export const sendTransactional: Task = async (raw, helpers) => {
  const result = await deliverTransactional(Payload.parse(raw) satisfies TransactionalJob);
  if (result.status === "failed") helpers.logger.warn(`transactional message not sent: ${result.reason}`);
};
