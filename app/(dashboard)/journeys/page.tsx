import type { Metadata } from "next";
import { JourneysIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Journeys" };

export default function JourneysPage() {
  return (
    <>
      <PageHeader title="Journeys" description="Automated flows that react to what contacts do." />
      <EmptyState
        icon={<JourneysIcon />}
        title="No journeys yet"
        description="Journeys send the right message at the right moment, with triggers, delays and branches that follow each contact."
      />
    </>
  );
}
