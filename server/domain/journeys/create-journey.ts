import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { emailTemplates, journeys, sendingIdentities } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { findStarterTemplate } from "@/server/domain/content/starters/starter-templates";
import { checkEmailTemplate } from "@/server/domain/content/templates/check-email-template";
import { loadTemplateContext } from "@/server/domain/content/templates/template-context";
import { invalidField } from "@/server/errors";
import { emptyJourneyDefinition } from "./journey-definition";
import { ZJourneyName } from "./journey-fields";
import { findJourneyTemplate, type JourneyTemplate } from "./templates";

export const ZCreateJourney = z.object({
  name: ZJourneyName,
  /** Copy a pre-built journey (templates/index.ts) instead of starting from an empty canvas. */
  templateKey: z.string().max(100).optional(),
});

/** The email templates a pre-built journey needs, rendered from their starters (outside the transaction: MJML compiles slowly). */
const prepareEmails = async (workspaceId: string, template: JourneyTemplate) => {
  const context = await loadTemplateContext(workspaceId);
  return Promise.all(
    template.emails.map(async (email) => {
      const starter = findStarterTemplate(email.starterKey);
      if (!starter) throw new Error(`journey template ${template.key} names a missing starter ${email.starterKey}`);
      const fields = {
        subject: email.subject ?? starter.subject,
        preheader: email.preheader ?? starter.preheader,
        sourceFormat: "mjml" as const,
        source: starter.mjml,
      };
      const check = await checkEmailTemplate({ ...fields, textBody: "", textCustom: false }, context);
      return { slot: email.slot, name: email.name, starterKey: starter.key, fields, textBody: check.generatedText ?? "" };
    }),
  );
};

/**
 * A new draft journey: an empty canvas, or an editable copy of a pre-built one. A copy gets its own
 * email templates, made from the content starters as the new-template dialog would (visual editor),
 * sent from the workspace's first sender when it has one, so it publishes once the marketer has
 * made the choices that are theirs (which list or segment).
 */
export const createJourney = async ({ workspaceId, userId, ...input }: z.input<typeof ZCreateJourney> & { workspaceId: string; userId: string | null }) => {
  const { name, templateKey } = parseInput(ZCreateJourney, input);
  const template = templateKey ? findJourneyTemplate(templateKey) : undefined;
  if (templateKey && !template) throw invalidField("templateKey", `There is no pre-built journey called “${templateKey}”`);
  const emails = template ? await prepareEmails(workspaceId, template) : [];
  return db.transaction(async (tx) => {
    const [sender] = emails.length
      ? await tx
          .select({ id: sendingIdentities.id })
          .from(sendingIdentities)
          .where(eq(sendingIdentities.workspaceId, workspaceId))
          .orderBy(asc(sendingIdentities.createdAt), asc(sendingIdentities.id))
          .limit(1)
      : [];
    const templateIds: Record<string, string> = {};
    for (const email of emails) {
      const [row] = await tx
        .insert(emailTemplates)
        .values({
          workspaceId,
          name: email.name,
          editor: "visual",
          ...email.fields,
          textBody: email.textBody,
          starterKey: email.starterKey,
          sendingIdentityId: sender?.id ?? null,
          createdBy: userId,
        })
        .returning({ id: emailTemplates.id });
      templateIds[email.slot] = row!.id;
    }
    const [journey] = await tx
      .insert(journeys)
      .values({
        workspaceId,
        name,
        description: template?.description ?? null,
        draft: template ? template.build({ templateIds }) : emptyJourneyDefinition(),
        templateKey: template?.key ?? null,
        webhookSecret: randomBytes(32).toString("base64url"),
        createdBy: userId,
      })
      .returning({ id: journeys.id });
    return { id: journey!.id };
  });
};
