import { z } from "zod";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { smsRouteColumns } from "./sms-route-columns";
import { withRouteNameConflict } from "./sms-route-conflicts";
import { ZPricePerSegment, ZSmsCharset, ZSmsMarkets, ZSmsRouteName } from "./sms-rules";

export const ZCreateSmsRoute = z.object({
  name: ZSmsRouteName,
  markets: ZSmsMarkets,
  pricePerSegment: ZPricePerSegment,
  charset: ZSmsCharset.default("ucs2"),
});

export const createSmsRoute = async ({ workspaceId, ...input }: z.input<typeof ZCreateSmsRoute> & { workspaceId: string }) => {
  const values = parseInput(ZCreateSmsRoute, input);
  return withRouteNameConflict(values.name, async () => {
    const [route] = await db.insert(smsRoutes).values({ workspaceId, ...values }).returning(smsRouteColumns);
    return route!;
  });
};
