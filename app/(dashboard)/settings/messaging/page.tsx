import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { MessagingLimitsSettings } from "./_components/messaging-limits-settings";

export const metadata: Metadata = { title: "Messaging limits" };

export default async function MessagingLimitsPage() {
  const { current } = await loadDashboardState();
  return <MessagingLimitsSettings canEdit={hasRole(current.role, "admin")} />;
}
