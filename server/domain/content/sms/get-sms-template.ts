import { and, eq } from "drizzle-orm";
import { smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findSmsRoute } from "./find-sms-route";
import { smsTemplateColumns } from "./sms-template-columns";

/** One template (archived ones too, so a link to one still opens) with its route, if it has one. */
export const getSmsTemplate = async ({ workspaceId, templateId }: { workspaceId: string; templateId: string }) => {
  const [template] = await db
    .select(smsTemplateColumns)
    .from(smsTemplates)
    .where(and(eq(smsTemplates.id, templateId), eq(smsTemplates.workspaceId, workspaceId)));
  if (!template) throw new AppError("NOT_FOUND", "SMS template not found");
  const route = template.routeId ? await findSmsRoute({ workspaceId, routeId: template.routeId }) : null;
  return { ...template, route };
};
