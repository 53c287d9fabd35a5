import { and, eq } from "drizzle-orm";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** Deletes the route; templates that used it keep their text and lose the route (route_id set null). */
export const deleteSmsRoute = async ({ workspaceId, routeId }: { workspaceId: string; routeId: string }) => {
  const [deleted] = await db
    .delete(smsRoutes)
    .where(and(eq(smsRoutes.id, routeId), eq(smsRoutes.workspaceId, workspaceId)))
    .returning({ id: smsRoutes.id });
  if (!deleted) throw new AppError("NOT_FOUND", "SMS route not found");
  return deleted;
};
