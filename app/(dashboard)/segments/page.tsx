import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { SegmentsList } from "./_components/segments-list";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  const { current } = await loadDashboardState();
  return <SegmentsList canEdit={hasRole(current.role, "editor")} />;
}
