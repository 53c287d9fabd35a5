import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { smsRoutes, smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { smsTemplateColumns } from "./sms-template-columns";

export const ZListSmsTemplates = z.object({ archived: z.boolean().default(false) }).default({ archived: false });

/** Live templates (or, with archived: true, the archived ones), most recently edited first, with their route's name. */
export const listSmsTemplates = async ({ workspaceId, ...input }: z.input<typeof ZListSmsTemplates> & { workspaceId: string }) => {
  const { archived } = parseInput(ZListSmsTemplates, input);
  return db
    .select({ ...smsTemplateColumns, routeName: smsRoutes.name })
    .from(smsTemplates)
    .leftJoin(smsRoutes, and(eq(smsRoutes.id, smsTemplates.routeId), eq(smsRoutes.workspaceId, workspaceId)))
    .where(and(eq(smsTemplates.workspaceId, workspaceId), archived ? isNotNull(smsTemplates.archivedAt) : isNull(smsTemplates.archivedAt)))
    .orderBy(desc(smsTemplates.updatedAt), desc(smsTemplates.id));
};
