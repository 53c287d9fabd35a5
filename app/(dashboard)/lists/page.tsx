import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { ListsTable } from "./_components/lists-table";

export const metadata: Metadata = { title: "Lists" };

export default async function ListsPage() {
  const { current } = await loadDashboardState();
  return <ListsTable canEdit={hasRole(current.role, "editor")} />;
}
