import { z } from "zod";
import { smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { checkSmsTemplate } from "./check-sms-template";
import { ZCharacterPolicy, ZOptOutFooter, ZSmsBody, ZSmsRouteId, ZSmsTemplateName } from "./sms-rules";
import { smsTemplateColumns } from "./sms-template-columns";

export const ZCreateSmsTemplate = z.object({
  name: ZSmsTemplateName,
  body: ZSmsBody.default(""),
  optOutFooter: ZOptOutFooter.default(""),
  characterPolicy: ZCharacterPolicy.default("keep"),
  routeId: ZSmsRouteId.nullish(),
});

export type CreateSmsTemplateOptions = z.input<typeof ZCreateSmsTemplate> & { workspaceId: string; createdBy?: string | null };

export const createSmsTemplate = async ({ workspaceId, createdBy = null, ...input }: CreateSmsTemplateOptions) => {
  const values = parseInput(ZCreateSmsTemplate, input);
  await checkSmsTemplate(db, { workspaceId, body: values.body, routeId: values.routeId });
  const [template] = await db
    .insert(smsTemplates)
    .values({ workspaceId, createdBy, ...values, routeId: values.routeId ?? null })
    .returning(smsTemplateColumns);
  return template!;
};
