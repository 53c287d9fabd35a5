import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { GeneralSettings } from "./_components/general-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage() {
  const { current, workspaces } = await loadDashboardState();
  return (
    <GeneralSettings
      workspace={{ id: current.id, name: current.name, slug: current.slug, role: current.role }}
      canRename={hasRole(current.role, "admin")}
      hasOtherWorkspaces={workspaces.length > 1}
    />
  );
}
