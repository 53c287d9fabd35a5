import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { smsRouteColumns } from "./sms-route-columns";
import { withRouteNameConflict } from "./sms-route-conflicts";
import { ZPricePerSegment, ZSmsCharset, ZSmsMarkets, ZSmsRouteId, ZSmsRouteName } from "./sms-rules";

export const ZUpdateSmsRoute = z.object({
  routeId: ZSmsRouteId,
  name: ZSmsRouteName.optional(),
  markets: ZSmsMarkets.optional(),
  pricePerSegment: ZPricePerSegment.optional(),
  charset: ZSmsCharset.optional(),
});

/** Changes the fields given; the others stay. Templates on the route see the new price and charset at once. */
export const updateSmsRoute = async ({ workspaceId, ...input }: z.input<typeof ZUpdateSmsRoute> & { workspaceId: string }) => {
  const { routeId, ...changes } = parseInput(ZUpdateSmsRoute, input);
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return withRouteNameConflict(changes.name ?? "", async () => {
    const where = and(eq(smsRoutes.id, routeId), eq(smsRoutes.workspaceId, workspaceId));
    const [route] = Object.keys(set).length
      ? await db.update(smsRoutes).set(set).where(where).returning(smsRouteColumns)
      : await db.select(smsRouteColumns).from(smsRoutes).where(where);
    if (!route) throw new AppError("NOT_FOUND", "SMS route not found");
    return route;
  });
};
