import { compileEmail, type CompiledEmail } from "@/server/domain/content/render/compile-email";
import { TemplateCompileError, type TemplateProblem } from "@/server/domain/content/render/template-problems";
import { unknownVariableProblems } from "@/server/domain/content/render/unknown-variables";
import { toEmailContent, type TemplateContentFields } from "./email-content";
import type { TemplateContext } from "./template-context";

/** Gmail clips messages whose HTML passes 102 KB, hiding the rest (and the unsubscribe link) behind a link. */
const GMAIL_CLIP_BYTES = 102 * 1024;

export type TemplateCheck = { problems: TemplateProblem[]; compiled: CompiledEmail | null; generatedText: string | null };

/**
 * Everything a marketer should hear about before sending: errors that stop a send (Liquid and MJML
 * syntax) and warnings that do not (unknown variables, no unsubscribe link, clipping, no subject).
 */
export const checkEmailTemplate = async (fields: TemplateContentFields, { attributeKeys, hasPostalAddress }: TemplateContext): Promise<TemplateCheck> => {
  const problems: TemplateProblem[] = [];
  let compiled: CompiledEmail | null = null;
  try {
    compiled = await compileEmail(toEmailContent(fields));
    problems.push(...compiled.warnings);
  } catch (error) {
    if (!(error instanceof TemplateCompileError)) throw error;
    problems.push(...error.problems);
  }
  problems.push(...unknownVariableProblems(fields.source, "source", attributeKeys));
  problems.push(...unknownVariableProblems(fields.subject, "subject", attributeKeys));
  problems.push(...unknownVariableProblems(fields.preheader, "preheader", attributeKeys));
  if (fields.textCustom) problems.push(...unknownVariableProblems(fields.textBody, "textBody", attributeKeys));
  if (!fields.subject.trim()) problems.push({ severity: "warning", field: "subject", message: "Add a subject before sending" });
  if (compiled) {
    if (!compiled.htmlSource.includes("unsubscribe_url"))
      problems.push({
        severity: "warning",
        field: "source",
        message: "No {{ unsubscribe_url }} link: marketing mail needs a visible way to unsubscribe (CAN-SPAM, GDPR, Gmail and Yahoo sender rules)",
      });
    if (!hasPostalAddress && compiled.htmlSource.includes("workspace.postal_address"))
      problems.push({
        severity: "warning",
        field: "source",
        message: "The footer shows {{ workspace.postal_address }}, but the workspace has none yet: add it in Settings → General",
      });
    const size = Buffer.byteLength(compiled.htmlSource);
    if (size > GMAIL_CLIP_BYTES)
      problems.push({ severity: "warning", field: "source", message: `The HTML is ${Math.round(size / 1024)} KB; Gmail clips messages above 102 KB` });
  }
  return { problems, compiled, generatedText: compiled && !fields.textCustom ? compiled.textSource : null };
};
