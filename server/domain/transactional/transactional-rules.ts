import { z } from "zod";

export const ZSendTransactional = z
  .object({
    to: z.string().trim().toLowerCase().email("“to” must be an email address"),
    toName: z.string().trim().max(200).optional(),
    /** A saved template; or subject + html (and optionally text) given inline. */
    templateId: z.string().uuid({ message: "templateId must be a template id" }).optional(),
    subject: z.string().max(998, "Keep the subject under 998 characters").optional(),
    html: z.string().max(1_000_000, "The HTML is over 1 MB").optional(),
    text: z.string().max(200_000).optional(),
    /** Merge data, available to the template as {{ data.* }} (and {{ event.* }}). */
    data: z.record(z.string(), z.unknown()).default({}),
    /** The same key within the workspace returns the first message instead of sending another. */
    idempotencyKey: z.string().trim().min(1, "idempotencyKey is required, so a retried call never sends twice").max(200),
    /**
     * true (default): a receipt or password reset, sent even to people who unsubscribed from marketing;
     * never to hard-bounced or complaining addresses. false: treated as marketing.
     */
    transactional: z.boolean().default(true),
    sendingIdentityId: z.string().uuid({ message: "sendingIdentityId must be a sender id" }).optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.templateId && !(input.subject && input.html))
      ctx.addIssue({ code: "custom", path: ["templateId"], message: "Give a templateId, or a subject and html" });
    if (input.templateId && (input.subject || input.html))
      ctx.addIssue({ code: "custom", path: ["subject"], message: "Give a templateId or subject and html, not both" });
  });

export type SendTransactionalInput = z.input<typeof ZSendTransactional>;

/** What the worker job carries: the message id plus what to render. */
export type TransactionalJob = {
  workspaceId: string;
  messageId: string;
  contactId: string;
  to: string;
  toName: string | null;
  templateId: string | null;
  subject: string | null;
  html: string | null;
  text: string | null;
  data: Record<string, unknown>;
  sendingIdentityId: string | null;
};
