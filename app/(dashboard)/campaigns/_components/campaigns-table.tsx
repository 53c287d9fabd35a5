"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeAudience } from "@/components/campaigns/audience-summary";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { useTRPC } from "@/components/providers/trpc";
import { CampaignsIcon, PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { CHANNEL_LABELS, LIVE_STATUSES, type CampaignDetail } from "./campaign-labels";
import { NewCampaignDialog } from "./new-campaign-dialog";
import { useAudienceOptions } from "./use-audience-names";

type Campaign = Omit<CampaignDetail, "progress">;

export function CampaignsTable({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Refreshed while anything is on its way, so statuses move without a reload.
  const campaigns = useQuery({
    ...trpc.campaigns.list.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((c) => LIVE_STATUSES.has(c.status)) ? 5_000 : false),
  });
  const { names } = useAudienceOptions();
  const [creating, setCreating] = useState(false);

  const newButton = canEdit && (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      New campaign
    </Button>
  );

  return (
    <>
      <PageHeader title="Campaigns" description="One-off sends to lists and segments, now or at a set time." actions={campaigns.data?.length ? newButton : null} />
      {campaigns.isLoading ? (
        <Card>
          <TableSkeleton columns={5} />
        </Card>
      ) : campaigns.error ? (
        <Alert tone="error">{errorMessage(campaigns.error)}</Alert>
      ) : !campaigns.data?.length ? (
        <EmptyState
          icon={<CampaignsIcon />}
          title="No campaigns yet"
          description="Campaigns send a template to lists and segments, now or at a scheduled time, and track what happens next."
          action={newButton}
        />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Campaigns">
            <TableHead>
              <tr>
                <TableHeaderCell>Campaign</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Channels</TableHeaderCell>
                <TableHeaderCell className="text-right">Sent</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {campaigns.data.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} audience={describeAudience(campaign.audience, names)} />
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {canEdit && (
        <NewCampaignDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
            router.push(`/campaigns/${id}`);
          }}
        />
      )}
    </>
  );
}

/** The most telling moment: when it finished, started, is due, or was drafted. */
const when = (c: Campaign) =>
  c.completedAt
    ? `${c.status === "sent" ? "Sent" : "Ended"} ${formatDateTime(c.completedAt)}`
    : c.status === "scheduled" && c.sendAt
      ? `Starts ${formatDateTime(c.sendAt)}`
      : c.launchedAt
        ? `Started ${formatDateTime(c.launchedAt)}`
        : `Created ${formatDateTime(c.createdAt)}`;

function CampaignRow({ campaign, audience }: { campaign: Campaign & { sent: number; recipients: number }; audience: string }) {
  return (
    <TableRow className="relative">
      <TableCell className="w-full max-w-0">
        <Link href={`/campaigns/${campaign.id}`} className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700">
          {campaign.name}
        </Link>
        <p className="truncate text-slate-500">{audience}</p>
      </TableCell>
      <TableCell>
        <CampaignStatusBadge status={campaign.status} />
      </TableCell>
      <TableCell className="whitespace-nowrap">{campaign.channels.map((channel) => CHANNEL_LABELS[channel]).join(", ")}</TableCell>
      <TableCell className="text-right whitespace-nowrap tabular-nums">
        {campaign.status === "draft" ? (
          <span className="text-slate-400">—</span>
        ) : (
          <>
            <span className="font-medium text-slate-900">{campaign.sent.toLocaleString()}</span>
            <span className="text-slate-500"> / {campaign.recipients.toLocaleString()}</span>
          </>
        )}
      </TableCell>
      <TableCell className="whitespace-nowrap text-slate-500">{when(campaign)}</TableCell>
    </TableRow>
  );
}
