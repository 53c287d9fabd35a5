import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { emailTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";

export const ZListEmailTemplates = z.object({ archived: z.boolean().default(false) });

/** Newest edits first. Sources and builder data stay out: the list only needs names and dates. */
export const listEmailTemplates = async ({ workspaceId, ...input }: z.input<typeof ZListEmailTemplates> & { workspaceId: string }) => {
  const { archived } = parseInput(ZListEmailTemplates, input);
  return db
    .select({
      id: emailTemplates.id,
      name: emailTemplates.name,
      subject: emailTemplates.subject,
      editor: emailTemplates.editor,
      starterKey: emailTemplates.starterKey,
      revision: emailTemplates.revision,
      createdAt: emailTemplates.createdAt,
      updatedAt: emailTemplates.updatedAt,
      archivedAt: emailTemplates.archivedAt,
    })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.workspaceId, workspaceId), archived ? isNotNull(emailTemplates.archivedAt) : isNull(emailTemplates.archivedAt)))
    .orderBy(desc(emailTemplates.updatedAt))
    .limit(500);
};
