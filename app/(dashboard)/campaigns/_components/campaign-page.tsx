"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { CampaignControls } from "./campaign-controls";
import { CampaignEditor } from "./campaign-editor";
import { LIVE_STATUSES } from "./campaign-labels";
import { CampaignLive } from "./campaign-live";

const back = (
  <Link href="/campaigns" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-800">
    <ArrowLeftIcon className="size-4" />
    Campaigns
  </Link>
);

/** One campaign: the editor while it is a draft, its live progress and report once launched. */
export function CampaignPage({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const campaign = useQuery({
    ...trpc.campaigns.get.queryOptions({ campaignId }),
    // Every 2 seconds while the worker can still move it; drafts and finished campaigns stay put.
    refetchInterval: (query) => (query.state.data && LIVE_STATUSES.has(query.state.data.status) ? 2_000 : false),
  });
  const [controlError, setControlError] = useState<string | null>(null);

  if (campaign.isLoading)
    return (
      <>
        {back}
        <Skeleton className="mb-6 h-8 w-64" />
        <Skeleton className="h-96 w-full" />
      </>
    );
  if (campaign.error || !campaign.data)
    return (
      <>
        {back}
        <Alert tone="error">{errorMessage(campaign.error)}</Alert>
      </>
    );

  const data = campaign.data;
  const draft = data.status === "draft";
  return (
    <>
      {back}
      <PageHeader
        title={data.name}
        description={
          <span className="flex items-center gap-2">
            <CampaignStatusBadge status={data.status} />
            {draft && (canEdit ? "Choose the content, audience and time, then launch." : "Changing a draft needs the editor role.")}
          </span>
        }
        actions={!draft && canEdit && LIVE_STATUSES.has(data.status) ? <CampaignControls campaign={data} onError={setControlError} /> : null}
      />
      {controlError && <Alert tone="error" className="mb-5">{controlError}</Alert>}
      {draft ? <CampaignEditor key={data.id} campaign={data} canEdit={canEdit} /> : <CampaignLive campaign={data} canEdit={canEdit} />}
    </>
  );
}
