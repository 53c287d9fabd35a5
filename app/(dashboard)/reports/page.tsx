import type { Metadata } from "next";
import { ReportsIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Reports" };

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Deliveries, opens, clicks, bounces and unsubscribes." />
      <EmptyState
        icon={<ReportsIcon />}
        title="Nothing to report yet"
        description="Once you send, reports show deliveries, opens, clicks, bounces and unsubscribes across campaigns, journeys and the relay."
      />
    </>
  );
}
