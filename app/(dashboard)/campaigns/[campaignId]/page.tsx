import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { CampaignPage } from "../_components/campaign-page";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignRoute({ params }: { params: Promise<{ campaignId: string }> }) {
  const [{ campaignId }, { current }] = await Promise.all([params, loadDashboardState()]);
  return <CampaignPage campaignId={campaignId} canEdit={hasRole(current.role, "editor")} />;
}
