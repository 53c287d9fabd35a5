import type { Metadata } from "next";
import { RelayIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Relay" };

export default function RelayPage() {
  return (
    <>
      <PageHeader title="Relay" description="An SMTP relay for your own applications." />
      <EmptyState
        icon={<RelayIcon />}
        title="The SMTP relay is not set up yet"
        description="Point your applications at Herald’s SMTP relay with an API key to send their mail through this workspace, with tracking and suppression."
      />
    </>
  );
}
