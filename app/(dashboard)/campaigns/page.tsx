import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { CampaignsTable } from "./_components/campaigns-table";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const { current } = await loadDashboardState();
  return <CampaignsTable canEdit={hasRole(current.role, "editor")} />;
}
