import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { sendingIdentities } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { buildMime, prepareMime } from "@/server/domain/content/render/build-mime";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { TemplateCompileError } from "@/server/domain/content/render/template-problems";
import { loadPreviewScope } from "@/server/domain/content/load-preview-scope";
import { loadTemplateAttachments } from "@/server/domain/files/load-template-attachments";
import { WORKSPACE_HEADER } from "@/server/domain/outbox/store-caught-message";
import { env } from "@/server/env";
import { deliverRawMessage } from "@/server/mail/delivery-transport";
import { toEmailContent } from "./email-content";
import { findEmailTemplate } from "./find-email-template";
import type { TestEmailJob } from "./send-test-email";

/** Without a sender yet, tests come from the app's own address with the workspace's name. */
const fallbackSender = (workspaceName: string) => {
  const address = /<([^>]+)>/.exec(env().SYSTEM_MAIL_FROM)?.[1] ?? env().SYSTEM_MAIL_FROM;
  return { email: address, name: workspaceName };
};

/**
 * Renders the template as it is now and sends one message per address, marked as a test ("[Test]"
 * subject, X-Herald-Test header) and stamped with the workspace so the Outbox shows it. Returns
 * "broken" rather than throwing when the template was broken after the test was queued: retrying
 * would not fix it.
 */
export const deliverTestEmail = async (job: TestEmailJob, options: { smtpUrl?: string } = {}) => {
  const template = await findEmailTemplate({ workspaceId: job.workspaceId, templateId: job.templateId });
  let compiled;
  try {
    compiled = await compileEmail(toEmailContent(template));
  } catch (error) {
    if (error instanceof TemplateCompileError) return { status: "broken" as const, problems: error.problems };
    throw error;
  }
  compiled = { ...compiled, subject: { ...compiled.subject, pieces: ["[Test] ", ...compiled.subject.pieces] } };
  const [identity] = template.sendingIdentityId
    ? await db.select().from(sendingIdentities).where(eq(sendingIdentities.id, template.sendingIdentityId))
    : [];
  const preview = await loadPreviewScope({ workspaceId: job.workspaceId, contactId: job.contactId });
  const workspaceName = (preview.scope.workspace as { name: string }).name;
  const from = identity && identity.workspaceId === job.workspaceId ? { email: identity.fromEmail, name: identity.fromName } : fallbackSender(workspaceName);
  const replyTo = template.replyTo ?? identity?.replyTo ?? null;
  const attachments = await loadTemplateAttachments({ workspaceId: job.workspaceId, templateId: template.id });
  const prepared = prepareMime(compiled, { from, replyTo, attachments, headers: { [WORKSPACE_HEADER]: job.workspaceId, "X-Herald-Test": "true" } });
  const domain = from.email.split("@")[1] ?? "herald.localhost";
  const sent: string[] = [];
  for (const to of job.to) {
    const message = buildMime(prepared, { to, messageId: `${randomUUID()}@${domain}`, scope: preview.scope });
    await deliverRawMessage({ from: from.email, to: [to], raw: message.raw, smtpUrl: options.smtpUrl });
    sent.push(to);
  }
  return { status: "sent" as const, sent };
};
