import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { SendersSettings } from "./_components/senders-settings";

export const metadata: Metadata = { title: "Senders" };

export default async function SendersPage() {
  const { current } = await loadDashboardState();
  return <SendersSettings canEdit={hasRole(current.role, "admin")} />;
}
