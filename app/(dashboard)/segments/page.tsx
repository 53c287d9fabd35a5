import type { Metadata } from "next";
import { SegmentsIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return (
    <>
      <PageHeader title="Segments" description="Audiences defined by rules that stay up to date on their own." />
      <EmptyState
        icon={<SegmentsIcon />}
        title="No segments yet"
        description="Segments select contacts by their attributes and behaviour, like “opened in the last 30 days”, and update as contacts change."
      />
    </>
  );
}
