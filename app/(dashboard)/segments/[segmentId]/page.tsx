import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { SegmentEditor } from "../_components/segment-editor";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const [{ segmentId }, { current }] = await Promise.all([params, loadDashboardState()]);
  return <SegmentEditor segmentId={segmentId} canEdit={hasRole(current.role, "editor")} />;
}
