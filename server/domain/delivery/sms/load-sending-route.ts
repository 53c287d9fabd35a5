import { and, eq } from "drizzle-orm";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { readStoredProvider } from "./sms-provider";
import type { SendingRoute } from "./sms-transports";

/** The route with its full provider (secrets included: for the transport only, never for an answer), or null if it has none. */
export const loadSendingRoute = async ({ workspaceId, routeId }: { workspaceId: string; routeId: string }) => {
  const [row] = await db
    .select({ id: smsRoutes.id, workspaceId: smsRoutes.workspaceId, name: smsRoutes.name, provider: smsRoutes.provider, throttlePerSecond: smsRoutes.throttlePerSecond })
    .from(smsRoutes)
    .where(and(eq(smsRoutes.id, routeId), eq(smsRoutes.workspaceId, workspaceId)));
  if (!row) return { found: false as const };
  const provider = readStoredProvider(row.provider);
  const route: (SendingRoute & { throttlePerSecond: number | null }) | null = provider ? { ...row, provider } : null;
  return { found: true as const, route };
};
