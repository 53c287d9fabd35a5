import { and, eq } from "drizzle-orm";
import { emailTemplates } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";

/**
 * The template, if it belongs to the workspace; NOT_FOUND otherwise. `lock` holds the row until the
 * transaction ends, so two attachments added at once cannot both fit under the per-message total.
 */
export const requireTemplate = async (executor: Executor, { workspaceId, templateId }: { workspaceId: string; templateId: string }, lock = false) => {
  const query = executor
    .select({ id: emailTemplates.id, name: emailTemplates.name })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.id, templateId), eq(emailTemplates.workspaceId, workspaceId)));
  const [template] = lock ? await query.for("update") : await query;
  if (!template) throw new AppError("NOT_FOUND", "Template not found");
  return template;
};
