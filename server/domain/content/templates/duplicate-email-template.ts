import { z } from "zod";
import { emailTemplates, templateAttachments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { eq } from "drizzle-orm";
import { findEmailTemplate } from "./find-email-template";
import { ZTemplateId, ZTemplateName } from "./template-rules";

export const ZDuplicateEmailTemplate = z.object({ templateId: ZTemplateId, name: ZTemplateName.optional() });

/** A copy with its attachments (the files are shared, not copied: they are immutable once stored). */
export const duplicateEmailTemplate = async ({
  workspaceId,
  userId,
  ...input
}: z.input<typeof ZDuplicateEmailTemplate> & { workspaceId: string; userId: string | null }) => {
  const { templateId, name } = parseInput(ZDuplicateEmailTemplate, input);
  return db.transaction(async (tx) => {
    const source = await findEmailTemplate({ workspaceId, templateId }, tx);
    const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, revision: _r, ...copy } = source;
    const [row] = await tx
      .insert(emailTemplates)
      .values({ ...copy, name: name ?? `${source.name} (copy)`, createdBy: userId })
      .returning({ id: emailTemplates.id, name: emailTemplates.name });
    const files = await tx.select().from(templateAttachments).where(eq(templateAttachments.templateId, source.id));
    if (files.length > 0)
      await tx.insert(templateAttachments).values(files.map((f) => ({ templateId: row!.id, fileId: f.fileId, workspaceId })));
    return row!;
  });
};
