import type { Metadata } from "next";
import { CampaignsIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" description="One-off sends to a list or segment." />
      <EmptyState
        icon={<CampaignsIcon />}
        title="No campaigns yet"
        description="Campaigns send a template to a list or segment, now or at a scheduled time, and track what happens next."
      />
    </>
  );
}
