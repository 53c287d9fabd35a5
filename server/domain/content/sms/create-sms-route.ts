import { z } from "zod";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { presentSmsRoute, smsRouteColumns } from "./sms-route-columns";
import { withRouteNameConflict } from "./sms-route-conflicts";
import { providerToStore, ZRouteProvider, ZRouteThrottle } from "./sms-route-provider";
import { ZPricePerSegment, ZSmsCharset, ZSmsMarkets, ZSmsRouteName } from "./sms-rules";

export const ZCreateSmsRoute = z.object({
  name: ZSmsRouteName,
  markets: ZSmsMarkets,
  pricePerSegment: ZPricePerSegment,
  charset: ZSmsCharset.default("ucs2"),
  /** How messages leave (SMPP or HTTP); without one the route only prices messages. */
  provider: ZRouteProvider.default(null),
  throttlePerSecond: ZRouteThrottle.default(null),
});

export const createSmsRoute = async ({ workspaceId, ...input }: z.input<typeof ZCreateSmsRoute> & { workspaceId: string }) => {
  const { provider, ...values } = parseInput(ZCreateSmsRoute, input);
  const stored = providerToStore(provider, null);
  return withRouteNameConflict(values.name, async () => {
    const [route] = await db
      .insert(smsRoutes)
      .values({ workspaceId, ...values, provider: stored as Record<string, unknown> | null })
      .returning(smsRouteColumns);
    return presentSmsRoute(route!);
  });
};
