import type { EmailContent } from "@/server/domain/content/render/compile-email";
import { wrapLetter } from "./letter-layout";

export type TemplateContentFields = {
  subject: string;
  preheader: string;
  sourceFormat: "mjml" | "html";
  source: string;
  textBody: string;
  textCustom: boolean;
};

/** A stored template (or an unsaved draft of one) as the renderer takes it. */
export const toEmailContent = (template: TemplateContentFields): EmailContent => {
  const letter = template.sourceFormat === "html" ? wrapLetter(template.source) : null;
  return {
    subject: template.subject,
    preheader: template.preheader,
    sourceFormat: template.sourceFormat,
    source: letter ? letter.html : template.source,
    sourceLineOffset: letter?.lineOffset ?? 0,
    customText: template.textCustom ? template.textBody : null,
  };
};
