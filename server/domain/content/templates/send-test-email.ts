import { z } from "zod";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { describeProblem } from "@/server/domain/content/render/template-problems";
import { addJob } from "@/server/jobs/add-job";
import { AppError } from "@/server/errors";
import { loadTemplateContext } from "./template-context";
import { checkEmailTemplate } from "./check-email-template";
import { findEmailTemplate } from "./find-email-template";
import { ZTemplateId } from "./template-rules";

export const ZSendTestEmail = z.object({
  templateId: ZTemplateId,
  to: z
    .array(z.string().trim().toLowerCase().email("Each test address must be a valid email address"))
    .min(1, "Add at least one address to send the test to")
    .max(10, "Send a test to at most 10 addresses at a time"),
  /** Personalise the test as this contact; the sample person when absent. */
  contactId: z.string().uuid({ message: "Choose a contact from this workspace" }).nullish(),
});

export type TestEmailJob = { workspaceId: string; templateId: string; to: string[]; contactId: string | null };

/**
 * Queues a test of the saved template; the worker renders and sends it (so a slow smarthost never
 * holds up the editor, and a failed hand-over retries). A template with errors is refused here,
 * with the errors, rather than failing quietly in the worker.
 */
export const sendTestEmail = async ({ workspaceId, ...input }: z.input<typeof ZSendTestEmail> & { workspaceId: string }) => {
  const { templateId, to, contactId } = parseInput(ZSendTestEmail, input);
  const template = await findEmailTemplate({ workspaceId, templateId });
  const check = await checkEmailTemplate(template, await loadTemplateContext(workspaceId));
  const errors = check.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new AppError("PRECONDITION_FAILED", `Fix the template first: ${errors.map(describeProblem).join("; ")}`);
  const recipients = [...new Set(to)];
  // One job per address: a retry after a refused address never sends the others a second copy.
  await db.transaction(async (tx) => {
    for (const address of recipients) {
      const job: TestEmailJob = { workspaceId, templateId, to: [address], contactId: contactId ?? null };
      await addJob(tx, "content/send-test-email", job, { maxAttempts: 5 });
    }
  });
  return { queued: recipients.length };
};
