import { and, eq } from "drizzle-orm";
import { emailTemplates } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";

export type EmailTemplateRow = typeof emailTemplates.$inferSelect;

/** The template, if it belongs to the workspace; NOT_FOUND otherwise (never a hint that it exists elsewhere). */
export const findEmailTemplate = async ({ workspaceId, templateId }: { workspaceId: string; templateId: string }, executor: Executor = db) => {
  const [row] = await executor
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.id, templateId), eq(emailTemplates.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "Template not found");
  return row;
};
