import { and, asc, count, eq, isNull } from "drizzle-orm";
import { smsRoutes, smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { presentSmsRoute, smsRouteColumns } from "./sms-route-columns";

export type SmsRoute = Awaited<ReturnType<typeof listSmsRoutes>>[number];

/** The workspace's routes by name, each with how many live templates use it (shown before a delete). */
export const listSmsRoutes = async ({ workspaceId }: { workspaceId: string }) => {
  const rows = await db
    .select({ ...smsRouteColumns, templateCount: count(smsTemplates.id) })
    .from(smsRoutes)
    .leftJoin(
      smsTemplates,
      and(eq(smsTemplates.routeId, smsRoutes.id), eq(smsTemplates.workspaceId, workspaceId), isNull(smsTemplates.archivedAt)),
    )
    .where(eq(smsRoutes.workspaceId, workspaceId))
    .groupBy(smsRoutes.id)
    .orderBy(asc(smsRoutes.name));
  return rows.map(presentSmsRoute);
};
