import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { emailTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { ZTemplateId } from "./template-rules";

export const ZArchiveEmailTemplate = z.object({ templateId: ZTemplateId, archived: z.boolean() });

/**
 * Templates are archived, not deleted: campaigns and journeys that used one keep pointing at it, and
 * a report can still show what was sent. Archived templates leave the pickers and can be restored.
 */
export const archiveEmailTemplate = async ({ workspaceId, ...input }: z.input<typeof ZArchiveEmailTemplate> & { workspaceId: string }) => {
  const { templateId, archived } = parseInput(ZArchiveEmailTemplate, input);
  const [row] = await db
    .update(emailTemplates)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(emailTemplates.id, templateId), eq(emailTemplates.workspaceId, workspaceId)))
    .returning({ id: emailTemplates.id, archivedAt: emailTemplates.archivedAt });
  if (!row) throw new AppError("NOT_FOUND", "Template not found");
  return row;
};
