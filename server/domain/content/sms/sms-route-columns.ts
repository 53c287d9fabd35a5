import { smsRoutes } from "@/drizzle/schema";

/** What every route answer carries (never workspace_id: callers already know it). */
export const smsRouteColumns = {
  id: smsRoutes.id,
  name: smsRoutes.name,
  markets: smsRoutes.markets,
  pricePerSegment: smsRoutes.pricePerSegment,
  charset: smsRoutes.charset,
  createdAt: smsRoutes.createdAt,
};
