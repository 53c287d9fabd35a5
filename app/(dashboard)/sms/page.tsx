import type { Metadata } from "next";
import { SmsIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "SMS" };

export default function SMSPage() {
  return (
    <>
      <PageHeader title="SMS" description="Text messages to contacts who agreed to receive them." />
      <EmptyState
        icon={<SmsIcon />}
        title="No text messages yet"
        description="Connect an SMS provider to send text messages in campaigns and journeys, with opt-outs handled for you."
      />
    </>
  );
}
