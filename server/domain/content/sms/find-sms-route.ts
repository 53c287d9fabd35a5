import { and, eq } from "drizzle-orm";
import { smsRoutes } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { presentSmsRoute, smsRouteColumns } from "./sms-route-columns";

/** The route if it belongs to the workspace, else null (the same for someone else's route and a made-up id). */
export const findSmsRoute = async ({ workspaceId, routeId }: { workspaceId: string; routeId: string }, executor: Executor = db) => {
  const [route] = await executor
    .select(smsRouteColumns)
    .from(smsRoutes)
    .where(and(eq(smsRoutes.id, routeId), eq(smsRoutes.workspaceId, workspaceId)));
  return route ? presentSmsRoute(route) : null;
};
