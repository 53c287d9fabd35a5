import { SMS_MARKETS } from "@/server/domain/content/sms/sms-rules";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";

export type CampaignSmsRoute = NonNullable<CampaignSnapshot["sms"]>["routes"][number];

const NAMED_MARKETS = new Set<string>(SMS_MARKETS.filter((market) => market !== "INTL"));

/**
 * A number's route: the first (by name) of the campaign's sending routes whose markets include the
 * number's country, else the first that serves INTL; null when none does.
 */
export const pickSmsRoute = (routes: readonly CampaignSmsRoute[], country: string | null): CampaignSmsRoute | null => {
  const market = country && NAMED_MARKETS.has(country) ? country : null;
  return (market ? routes.find((route) => route.markets.includes(market)) : undefined) ?? routes.find((route) => route.markets.includes("INTL")) ?? null;
};

export const noRouteReason = (country: string | null) => `no SMS route for ${country ?? "numbers of unknown country"}`;
