import type { Metadata } from "next";
import { TemplatesIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <>
      <PageHeader title="Templates" description="Reusable email and SMS designs with personalisation." />
      <EmptyState
        icon={<TemplatesIcon />}
        title="No templates yet"
        description="Design email and SMS templates once, with personalised fields, and reuse them across campaigns, journeys and the API."
      />
    </>
  );
}
