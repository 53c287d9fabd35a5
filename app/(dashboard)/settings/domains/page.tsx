import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { DomainsSettings } from "./_components/domains-settings";

export const metadata: Metadata = { title: "Sending domains" };

export default async function DomainsPage() {
  const { current } = await loadDashboardState();
  return <DomainsSettings canManage={hasRole(current.role, "admin")} />;
}
