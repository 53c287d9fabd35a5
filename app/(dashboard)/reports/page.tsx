import type { Metadata } from "next";
import { WorkspaceDashboardView } from "./_components/workspace-dashboard-view";

export const metadata: Metadata = { title: "Reports" };

export default function ReportsPage() {
  return <WorkspaceDashboardView />;
}
