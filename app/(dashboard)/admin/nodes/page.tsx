import type { Metadata } from "next";
import { NodesIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { loadDashboardState } from "../../_lib/current-workspace";
import { NodesTable } from "./_components/nodes-table";

export const metadata: Metadata = { title: "Sending nodes" };

export default async function NodesPage() {
  const { instanceAdmin } = await loadDashboardState();
  if (!instanceAdmin) return <AdminsOnly />;
  return <NodesTable />;
}

function AdminsOnly() {
  return (
    <EmptyState
      icon={<NodesIcon />}
      title="Only the instance's administrators can see sending nodes"
      description="Sending nodes are the worker processes that deliver mail for every workspace on this Herald, so only the people who run it can see or stop them."
    />
  );
}
