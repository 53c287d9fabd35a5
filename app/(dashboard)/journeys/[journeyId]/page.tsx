import type { Metadata } from "next";
import { JourneyEditor } from "@/components/journey-editor/journey-editor";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";

export const metadata: Metadata = { title: "Journey" };

export default async function JourneyRoute({ params }: { params: Promise<{ journeyId: string }> }) {
  const [{ journeyId }, { current }] = await Promise.all([params, loadDashboardState()]);
  return <JourneyEditor journeyId={journeyId} canEdit={hasRole(current.role, "editor")} />;
}
