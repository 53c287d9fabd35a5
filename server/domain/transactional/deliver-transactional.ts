import { and, asc, eq, sql } from "drizzle-orm";
import { contacts, emailTemplates, sendingIdentities, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { buildMime, prepareMime } from "@/server/domain/content/render/build-mime";
import { compileEmail, type EmailContent } from "@/server/domain/content/render/compile-email";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { TemplateCompileError, describeProblem } from "@/server/domain/content/render/template-problems";
import { toEmailContent } from "@/server/domain/content/templates/email-content";
import { emailCredits } from "@/server/domain/credits/credit-prices";
import { refundCredits } from "@/server/domain/credits/debit-credits";
import { recordMessageEvents } from "@/server/domain/delivery/record-message-events";
import { pickTransport } from "@/server/domain/delivery/transports/smarthosts";
import { WORKSPACE_HEADER } from "@/server/domain/outbox/store-caught-message";
import { messageToken } from "@/server/domain/tracking/message-token";
import { trackingUrls } from "@/server/domain/tracking/tracking-urls";
import { env } from "@/server/env";
import type { TransactionalJob } from "./transactional-rules";

export class RetryTransactionalLater extends Error {}

/** A permanent failure: recorded, the credit refunded, and no retry (retrying would not help). */
const fail = async (job: TransactionalJob, reason: string) =>
  db.transaction(async (tx) => {
    await recordMessageEvents(tx, [{ workspaceId: job.workspaceId, messageId: job.messageId, campaignId: null, contactId: job.contactId, kind: "failed", data: { reason } }]);
    await refundCredits(tx, { workspaceId: job.workspaceId, amount: emailCredits(1), channel: "email", messages: 1, note: `Transactional not sent: ${reason}`.slice(0, 500) });
    return { status: "failed" as const, reason };
  });

/**
 * Renders and sends one transactional message (worker task delivery/send-transactional). A message
 * already recorded as sent or failed is left alone, so a retried job never sends it twice.
 */
export const deliverTransactional = async (job: TransactionalJob) => {
  const [done] = await db.execute<{ kind: string }>(
    sql`select kind from message_events where message_id = ${job.messageId} and kind in ('sent', 'failed') limit 1`,
  );
  if (done) return { status: "already-done" as const };
  const [workspace] = await db.select({ id: workspaces.id, name: workspaces.name, postalAddress: workspaces.postalAddress }).from(workspaces).where(eq(workspaces.id, job.workspaceId));
  const [contact] = await db.select().from(contacts).where(and(eq(contacts.id, job.contactId), eq(contacts.workspaceId, job.workspaceId)));
  if (!workspace || !contact) return fail(job, "the contact no longer exists");

  let content: EmailContent;
  let identityId = job.sendingIdentityId;
  if (job.templateId) {
    const [template] = await db.select().from(emailTemplates).where(and(eq(emailTemplates.id, job.templateId), eq(emailTemplates.workspaceId, job.workspaceId)));
    if (!template) return fail(job, "the template no longer exists");
    content = toEmailContent(template);
    identityId ??= template.sendingIdentityId;
  } else {
    content = { subject: job.subject ?? "", preheader: "", sourceFormat: "html", source: job.html ?? "", customText: job.text };
  }
  const identities = await db
    .select()
    .from(sendingIdentities)
    .where(eq(sendingIdentities.workspaceId, job.workspaceId))
    .orderBy(asc(sendingIdentities.createdAt));
  const identity = identities.find((i) => i.id === identityId) ?? identities[0];
  if (!identity) return fail(job, "the workspace has no sender (Settings → Senders)");

  let compiled;
  try {
    compiled = await compileEmail(content, { openPixel: true });
  } catch (error) {
    if (error instanceof TemplateCompileError) return fail(job, `the template has errors: ${error.problems.map(describeProblem).join("; ")}`);
    throw error;
  }
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const token = messageToken(job.messageId);
  const urls = trackingUrls(appUrl, token);
  const scope = buildMergeScope({
    contact: { ...contact, attributes: (contact.attributes ?? {}) as Record<string, unknown> },
    workspace,
    appUrl,
    event: job.data,
    links: { unsubscribeUrl: urls.unsubscribe, preferencesUrl: urls.preferences, viewInBrowserUrl: urls.viewInBrowser },
  });
  scope.data = job.data;
  scope.open_pixel_url = urls.openPixel;
  const fromDomain = identity.fromEmail.split("@")[1]!;
  const prepared = prepareMime(compiled, { from: { email: identity.fromEmail, name: identity.fromName }, replyTo: identity.replyTo, headers: { [WORKSPACE_HEADER]: job.workspaceId } });
  const { raw } = buildMime(prepared, {
    to: job.to,
    toName: job.toName,
    messageId: `${job.messageId}@${fromDomain}`,
    scope,
    hooks: { rewriteLink: (href, index) => (index === null ? href : urls.click(index, href, compiled.links[index]?.href ?? href)) },
  });
  const result = await pickTransport().send({ from: `bounce+${token}@${env().BOUNCE_DOMAIN || fromDomain}`, to: job.to, raw });
  if (!result.ok && !result.permanent) throw new RetryTransactionalLater(result.reason);
  if (!result.ok) return fail(job, result.reason);
  await recordMessageEvents(db, [
    { workspaceId: job.workspaceId, messageId: job.messageId, campaignId: null, contactId: job.contactId, kind: "sent", domain: job.to.split("@")[1] },
  ]);
  return { status: "sent" as const };
};
