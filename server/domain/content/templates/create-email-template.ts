import { z } from "zod";
import { emailTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { findStarterTemplate } from "@/server/domain/content/starters/starter-templates";
import { invalidField } from "@/server/errors";
import { checkEmailTemplate } from "./check-email-template";
import { blankSource } from "./default-sources";
import { ZTemplateEditor, ZTemplateName } from "./template-rules";
import { loadTemplateContext } from "./template-context";

export const ZCreateEmailTemplate = z.object({
  name: ZTemplateName,
  editor: ZTemplateEditor,
  /** Start from a starter design instead of a blank page (visual and code editors only: starters are MJML). */
  starterKey: z.string().max(100).optional(),
});

export const createEmailTemplate = async ({
  workspaceId,
  userId,
  ...input
}: z.input<typeof ZCreateEmailTemplate> & { workspaceId: string; userId: string | null }) => {
  const { name, editor, starterKey } = parseInput(ZCreateEmailTemplate, input);
  const starter = starterKey ? findStarterTemplate(starterKey) : null;
  if (starterKey && !starter) throw invalidField("starterKey", `There is no starter design called “${starterKey}”`);
  if (starter && editor === "rich_text") throw invalidField("editor", "Starter designs open in the visual or code editor");
  const fields = starter
    ? { subject: starter.subject, preheader: starter.preheader, sourceFormat: "mjml" as const, source: starter.mjml }
    : { subject: "", preheader: "", ...blankSource(editor) };
  const check = await checkEmailTemplate({ ...fields, textBody: "", textCustom: false }, await loadTemplateContext(workspaceId));
  const [row] = await db
    .insert(emailTemplates)
    .values({ workspaceId, name, editor, ...fields, textBody: check.generatedText ?? "", starterKey: starter?.key ?? null, createdBy: userId })
    .returning({ id: emailTemplates.id, name: emailTemplates.name, editor: emailTemplates.editor, revision: emailTemplates.revision });
  return row!;
};
