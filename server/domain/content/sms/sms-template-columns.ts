import { smsTemplates } from "@/drizzle/schema";

export const smsTemplateColumns = {
  id: smsTemplates.id,
  name: smsTemplates.name,
  body: smsTemplates.body,
  optOutFooter: smsTemplates.optOutFooter,
  characterPolicy: smsTemplates.characterPolicy,
  routeId: smsTemplates.routeId,
  revision: smsTemplates.revision,
  createdAt: smsTemplates.createdAt,
  updatedAt: smsTemplates.updatedAt,
  archivedAt: smsTemplates.archivedAt,
};
