import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["campaigns"];
export type CampaignDetail = Outputs["get"];
export type CampaignReportData = Outputs["report"];

export const CHANNEL_LABELS: Record<"email" | "sms", string> = { email: "Email", sms: "SMS" };

/** Campaigns that still move on their own: their page refreshes every 2 seconds. */
export const LIVE_STATUSES = new Set<CampaignDetail["status"]>(["scheduled", "sending", "paused"]);
