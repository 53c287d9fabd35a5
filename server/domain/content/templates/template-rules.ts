import { z } from "zod";

export const ZTemplateId = z.string().uuid({ message: "Template id must be a UUID" });
export const ZTemplateName = z
  .string()
  .trim()
  .min(1, "Give the template a name, such as Monthly newsletter")
  .max(200, "Keep the name under 200 characters");
export const ZTemplateEditor = z.enum(["visual", "code", "rich_text"], { message: "Editor must be visual, code or rich_text" });
export const ZSourceFormat = z.enum(["mjml", "html"], { message: "Source format must be mjml or html" });
export const ZSubject = z.string().max(998, "Keep the subject under 998 characters").refine((s) => !/[\r\n]/.test(s), "The subject must be one line");
export const ZPreheader = z.string().max(500, "Keep the preheader under 500 characters");
/** Templates are designs, not archives: 1 MB of source is far beyond anything a mail client shows. */
export const ZSource = z.string().max(1_000_000, "The design is over 1 MB; mail clients clip messages above 102 KB");
export const ZTextBody = z.string().max(200_000, "Keep the plain-text part under 200 KB");
export const ZOptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid email address, like help@example.com")
  .nullable();
/** Builder project data is the builder's own JSON; only its size is ours to limit. */
export const ZBuilderData = z
  .unknown()
  .refine((value) => JSON.stringify(value ?? null).length <= 5_000_000, "The visual design is over 5 MB");
