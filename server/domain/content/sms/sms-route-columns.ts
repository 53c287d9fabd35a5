import { smsRoutes } from "@/drizzle/schema";
import { publicProvider } from "@/server/domain/delivery/sms/sms-provider";

/** What every route answer carries (never workspace_id: callers already know it). */
export const smsRouteColumns = {
  id: smsRoutes.id,
  name: smsRoutes.name,
  markets: smsRoutes.markets,
  pricePerSegment: smsRoutes.pricePerSegment,
  charset: smsRoutes.charset,
  provider: smsRoutes.provider,
  throttlePerSecond: smsRoutes.throttlePerSecond,
  createdAt: smsRoutes.createdAt,
};

/** A route as it leaves the server: the provider without its password or header values. */
export const presentSmsRoute = <T extends { provider: unknown }>(row: T) => ({ ...row, provider: publicProvider(row.provider) });
