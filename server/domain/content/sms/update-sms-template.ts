import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { checkSmsTemplate } from "./check-sms-template";
import { ZCharacterPolicy, ZOptOutFooter, ZSmsBody, ZSmsRouteId, ZSmsTemplateId, ZSmsTemplateName } from "./sms-rules";
import { smsTemplateColumns } from "./sms-template-columns";

export const ZUpdateSmsTemplate = z.object({
  templateId: ZSmsTemplateId,
  /** The revision the editor loaded; a save over someone else's newer one is refused instead of lost. */
  expectedRevision: z.number().int().positive().optional(),
  name: ZSmsTemplateName.optional(),
  body: ZSmsBody.optional(),
  optOutFooter: ZOptOutFooter.optional(),
  characterPolicy: ZCharacterPolicy.optional(),
  /** null takes the route off. */
  routeId: ZSmsRouteId.nullish(),
});

/** Saves the fields given and bumps the revision. Archived templates must be restored first. */
export const updateSmsTemplate = async ({ workspaceId, ...input }: z.input<typeof ZUpdateSmsTemplate> & { workspaceId: string }) => {
  const { templateId, expectedRevision, ...changes } = parseInput(ZUpdateSmsTemplate, input);
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ revision: smsTemplates.revision, archivedAt: smsTemplates.archivedAt })
      .from(smsTemplates)
      .where(and(eq(smsTemplates.id, templateId), eq(smsTemplates.workspaceId, workspaceId)))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "SMS template not found");
    if (current.archivedAt) throw new AppError("PRECONDITION_FAILED", "This template is archived; restore it to edit it");
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw new AppError(
        "CONFLICT",
        `Someone saved this template after you opened it (revision ${current.revision}, you have ${expectedRevision}); reload to see their changes`,
      );
    }
    await checkSmsTemplate(tx, { workspaceId, body: changes.body, routeId: changes.routeId });
    const [template] = await tx
      .update(smsTemplates)
      .set({ ...set, revision: sql`${smsTemplates.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(smsTemplates.id, templateId), eq(smsTemplates.workspaceId, workspaceId)))
      .returning(smsTemplateColumns);
    return template!;
  });
};
