import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { contacts, transactionalRequests } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { findEmailTemplate } from "@/server/domain/content/templates/find-email-template";
import { emailCredits } from "@/server/domain/credits/credit-prices";
import { debitCredits } from "@/server/domain/credits/debit-credits";
import { recordMessageEvents } from "@/server/domain/delivery/record-message-events";
import { sendableContactsSql } from "@/server/domain/suppressions/filter-sendable";
import { addJob } from "@/server/jobs/add-job";
import { AppError } from "@/server/errors";
import { ZSendTransactional, type SendTransactionalInput, type TransactionalJob } from "./transactional-rules";

export type SendTransactionalResult = { messageId: string; status: "queued" | "duplicate" | "suppressed"; reason?: string };

/**
 * The transactional API (SDK `transactional.send`, HTTP POST /api/v1/send). In one transaction: the
 * idempotency key is claimed, the contact found or created, the "may we send?" check made (for
 * transactional mail only hard bounces and complaints block), one credit charged, the message logged
 * and its delivery job queued. The same key again answers with the first message, never a second.
 */
export const sendTransactional = async ({ workspaceId, ...input }: SendTransactionalInput & { workspaceId: string }): Promise<SendTransactionalResult> => {
  const request = parseInput(ZSendTransactional, input);
  if (request.templateId) await findEmailTemplate({ workspaceId, templateId: request.templateId });
  return db.transaction(async (tx) => {
    const messageId = randomUUID();
    const [claimed] = await tx
      .insert(transactionalRequests)
      .values({ workspaceId, idempotencyKey: request.idempotencyKey, messageId })
      .onConflictDoNothing()
      .returning({ messageId: transactionalRequests.messageId });
    if (!claimed) {
      const [first] = await tx
        .select({ messageId: transactionalRequests.messageId })
        .from(transactionalRequests)
        .where(and(eq(transactionalRequests.workspaceId, workspaceId), eq(transactionalRequests.idempotencyKey, request.idempotencyKey)));
      return { messageId: first!.messageId, status: "duplicate" };
    }
    await tx.insert(contacts).values({ workspaceId, email: request.to }).onConflictDoNothing();
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.email, request.to)));
    await tx.update(transactionalRequests).set({ contactId: contact!.id }).where(and(eq(transactionalRequests.workspaceId, workspaceId), eq(transactionalRequests.idempotencyKey, request.idempotencyKey)));
    const [verdict] = await tx.execute<{ blocked_reason: string | null }>(sql`
      select blocked_reason from (${sendableContactsSql({
        workspaceId,
        channel: "email",
        purpose: request.transactional ? "transactional" : "marketing",
        candidates: sql`select ${contact!.id}::uuid`,
      })}) s`);
    await tx.execute(sql`
      insert into messages (id, workspace_id, kind, contact_id, channel, address, cost)
      values (${messageId}, ${workspaceId}, 'transactional', ${contact!.id}, 'email', ${request.to}, ${verdict?.blocked_reason ? 0 : emailCredits(1)})`);
    if (verdict?.blocked_reason) {
      await recordMessageEvents(tx, [{ workspaceId, messageId, campaignId: null, contactId: contact!.id, kind: "failed", data: { reason: verdict.blocked_reason } }]);
      return { messageId, status: "suppressed", reason: verdict.blocked_reason };
    }
    const debit = await debitCredits(tx, { workspaceId, amount: emailCredits(1), channel: "email", messages: 1, note: "Transactional" });
    if (!debit.ok) throw new AppError("PRECONDITION_FAILED", "Out of credits: top up to send (Settings → Credits)");
    const job: TransactionalJob = {
      workspaceId,
      messageId,
      contactId: contact!.id,
      to: request.to,
      toName: request.toName ?? null,
      templateId: request.templateId ?? null,
      subject: request.subject ?? null,
      html: request.html ?? null,
      text: request.text ?? null,
      data: request.data,
      sendingIdentityId: request.sendingIdentityId ?? null,
    };
    await addJob(tx, "delivery/send-transactional", job, { jobKey: `transactional:${messageId}`, maxAttempts: 12 });
    return { messageId, status: "queued" };
  });
};
