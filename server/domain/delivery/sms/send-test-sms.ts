import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { normalizePhone } from "@/server/domain/contacts/normalize";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { countSms } from "@/server/domain/content/sms/sms-encoding";
import { ZSmsRouteId } from "@/server/domain/content/sms/sms-rules";
import { AppError, invalidField } from "@/server/errors";
import { loadSendingRoute } from "./load-sending-route";
import { smsTransportFor } from "./sms-transports";

export const ZSendTestSms = z.object({
  routeId: ZSmsRouteId,
  to: z.string({ message: "Enter the number to send to" }).trim().min(1, "Enter the number to send to, with its country code").max(40, "That is not a phone number"),
  text: z.string().trim().max(1000, "Keep the test message under 1,000 characters").optional(),
});

/**
 * Submits one real message through the route's provider, from this process, and logs it (kind
 * "test") so its delivery receipt is recorded too. Free of credits, like test emails; the answer
 * says whether the provider accepted it and what it called it.
 */
export const sendTestSms = async ({ workspaceId, ...input }: z.input<typeof ZSendTestSms> & { workspaceId: string }) => {
  const { routeId, to, text: given } = parseInput(ZSendTestSms, input);
  const phone = normalizePhone(to);
  if (!phone) throw invalidField("to", "Not a valid phone number; include the country code, e.g. +852 9123 4567");
  const loaded = await loadSendingRoute({ workspaceId, routeId });
  if (!loaded.found) throw new AppError("NOT_FOUND", "SMS route not found");
  if (!loaded.route) throw invalidField("provider", "Set up the route's provider (SMPP or HTTP) before sending a test");
  const text = given || `Test message from Herald through the route “${loaded.route.name}”.`;
  const id = randomUUID();
  const [result] = await smsTransportFor(loaded.route).submit([{ id, to: phone.e164, text }]);
  if (!result!.ok) throw new AppError(result!.retryable ? "PRECONDITION_FAILED" : "BAD_REQUEST", result!.reason, { to: [result!.reason] });
  await db.execute(sql`
    insert into messages (id, workspace_id, kind, channel, address, external_id, cost)
    values (${id}, ${workspaceId}, 'test', 'sms', ${phone.e164}, ${result!.providerId}, 0)`);
  return { messageId: id, providerId: result!.providerId, parts: result!.parts, segments: countSms(text).segments, to: phone.e164 };
};
