import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { JourneysTable } from "./_components/journeys-table";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage() {
  const { current } = await loadDashboardState();
  return <JourneysTable canEdit={hasRole(current.role, "editor")} />;
}
