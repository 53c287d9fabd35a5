import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { presentSmsRoute, smsRouteColumns } from "./sms-route-columns";
import { withRouteNameConflict } from "./sms-route-conflicts";
import { providerToStore, ZRouteProvider, ZRouteThrottle } from "./sms-route-provider";
import { ZPricePerSegment, ZSmsCharset, ZSmsMarkets, ZSmsRouteId, ZSmsRouteName } from "./sms-rules";

export const ZUpdateSmsRoute = z.object({
  routeId: ZSmsRouteId,
  name: ZSmsRouteName.optional(),
  markets: ZSmsMarkets.optional(),
  pricePerSegment: ZPricePerSegment.optional(),
  charset: ZSmsCharset.optional(),
  /** A password or headers left out keep the stored ones; null removes the provider. */
  provider: ZRouteProvider.optional(),
  throttlePerSecond: ZRouteThrottle.optional(),
});

/** Changes the fields given; the others stay. Templates on the route see the new price and charset at once. */
export const updateSmsRoute = async ({ workspaceId, ...input }: z.input<typeof ZUpdateSmsRoute> & { workspaceId: string }) => {
  const { routeId, provider, ...changes } = parseInput(ZUpdateSmsRoute, input);
  const where = and(eq(smsRoutes.id, routeId), eq(smsRoutes.workspaceId, workspaceId));
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return withRouteNameConflict(changes.name ?? "", async () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select({ provider: smsRoutes.provider }).from(smsRoutes).where(where).for("update");
      if (!current) throw new AppError("NOT_FOUND", "SMS route not found");
      if (provider !== undefined) set.provider = providerToStore(provider, current.provider);
      const [route] = Object.keys(set).length
        ? await tx.update(smsRoutes).set(set).where(where).returning(smsRouteColumns)
        : await tx.select(smsRouteColumns).from(smsRoutes).where(where);
      return presentSmsRoute(route!);
    }),
  );
};
