import { and, eq, inArray } from "drizzle-orm";
import { emailTemplates, type CampaignAbTest } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { invalidFields, type FieldProblems } from "@/server/domain/contacts/field-errors";
import { compilePieces } from "@/server/domain/content/render/pieces";
import { liquidProblem } from "@/server/domain/content/render/template-problems";

/**
 * What a test's definition cannot tell by itself: that the campaign is email only, that each subject's
 * Liquid parses (as a template's subject is checked) and that each template is the workspace's own.
 */
export const checkAbTest = async (workspaceId: string, test: CampaignAbTest, channels: readonly string[]) => {
  const problems: FieldProblems = {};
  if (channels.includes("sms")) problems.abTest = "A/B tests are for email campaigns only: untick SMS, or turn the test off";
  test.variants.forEach((variant, i) => {
    if (variant.subject === undefined) return;
    try {
      compilePieces(variant.subject, "text");
    } catch (error) {
      const problem = liquidProblem(error, "subject");
      problems[`abTest.variants[${i}].subject`] = `The subject's Liquid does not parse: ${problem.message}`;
    }
  });
  const templateIds = [...new Set(test.variants.flatMap((v) => (v.emailTemplateId ? [v.emailTemplateId] : [])))];
  if (templateIds.length > 0) {
    const own = new Set(
      (
        await db
          .select({ id: emailTemplates.id })
          .from(emailTemplates)
          .where(and(eq(emailTemplates.workspaceId, workspaceId), inArray(emailTemplates.id, templateIds)))
      ).map((row) => row.id),
    );
    test.variants.forEach((variant, i) => {
      if (variant.emailTemplateId && !own.has(variant.emailTemplateId))
        problems[`abTest.variants[${i}].emailTemplateId`] = "That email template does not exist in this workspace";
    });
  }
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
};
