import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { ListDetail } from "./_components/list-detail";

export const metadata: Metadata = { title: "List" };

export default async function ListPage({ params }: { params: Promise<{ listId: string }> }) {
  const { listId } = await params;
  const { current } = await loadDashboardState();
  return <ListDetail listId={listId} canEdit={hasRole(current.role, "editor")} />;
}
