import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { SegmentEditor } from "../_components/segment-editor";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage() {
  const { current } = await loadDashboardState();
  return <SegmentEditor segmentId={null} canEdit={hasRole(current.role, "editor")} />;
}
