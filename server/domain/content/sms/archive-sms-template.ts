import { and, eq, sql } from "drizzle-orm";
import { smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { smsTemplateColumns } from "./sms-template-columns";

/**
 * Archives (archived: true) or restores a template. Archiving hides it from the list and the pickers
 * but keeps the row, since campaigns and journeys that already sent it still point at it.
 */
export const archiveSmsTemplate = async ({
  workspaceId,
  templateId,
  archived = true,
}: {
  workspaceId: string;
  templateId: string;
  archived?: boolean;
}) => {
  const [template] = await db
    .update(smsTemplates)
    // An archive that is repeated keeps its first date.
    .set({ archivedAt: archived ? sql`coalesce(${smsTemplates.archivedAt}, now())` : null })
    .where(and(eq(smsTemplates.id, templateId), eq(smsTemplates.workspaceId, workspaceId)))
    .returning(smsTemplateColumns);
  if (!template) throw new AppError("NOT_FOUND", "SMS template not found");
  return template;
};
