"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { describeAudience } from "@/components/campaigns/audience-summary";
import { campaignStages } from "@/components/campaigns/campaign-stages";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import { AbTestStatus } from "./ab-test-status";
import { CHANNEL_LABELS, LIVE_STATUSES, type CampaignDetail } from "./campaign-labels";
import { CampaignReportSection } from "./campaign-report-section";
import { ChannelCounts } from "./channel-counts";
import { StagesCard } from "./stages-card";
import { useAudienceOptions } from "./use-audience-names";

const REASON_TONES: Partial<Record<CampaignDetail["status"], AlertTone>> = { paused: "warning", failed: "error", cancelled: "info", sent: "info" };

/** A launched campaign: what it is, its stages (its page refreshes them every 2 seconds while it moves), and its report. */
export function CampaignLive({ campaign, canEdit }: { campaign: CampaignDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const live = LIVE_STATUSES.has(campaign.status);
  // Also quickly until the log has caught up with the last batch, so the final stages settle without a wait.
  const report = useQuery({
    ...trpc.campaigns.report.queryOptions({ campaignId: campaign.id }),
    refetchInterval: (query) => (live || (query.state.data?.funnel.sent ?? 0) < campaign.progress.sent ? 2_000 : 30_000),
  });
  const template = useQuery({ ...trpc.emailTemplates.get.queryOptions({ templateId: campaign.emailTemplateId ?? "" }), enabled: campaign.emailTemplateId !== null });
  const { names } = useAudienceOptions();

  const stages = campaignStages({
    status: campaign.status,
    sendAt: campaign.sendAt,
    localSendTime: campaign.localSendTime,
    progress: campaign.progress,
    report: report.data ? { logged: report.data.funnel.sent, opened: report.data.funnel.opened, clicked: report.data.funnel.clicked } : null,
  });

  const facts: [string, ReactNode][] = [
    ["Channels", campaign.channels.map((channel) => CHANNEL_LABELS[channel]).join(", ")],
    ["Audience", describeAudience(campaign.audience, names)],
    [
      "Template",
      campaign.emailTemplateId ? (
        <Link href={`/templates/email/${campaign.emailTemplateId}`} className="text-brand-700 hover:underline">
          {template.data?.name ?? "Email template"}
        </Link>
      ) : (
        "—"
      ),
    ],
    [
      "When",
      campaign.localSendTime
        ? `At ${campaign.localSendTime} in each recipient's timezone`
        : campaign.sendAt
          ? formatDateTime(campaign.sendAt)
          : campaign.launchedAt
            ? `Launched ${formatDateTime(campaign.launchedAt)}`
            : "—",
    ],
    ...(campaign.abTest
      ? ([["A/B test", `${campaign.abTest.variants.length} ${campaign.abTest.field === "subject" ? "subjects" : "designs"} on ${campaign.abTest.samplePercent}%`]] as [string, string][])
      : []),
    ...(campaign.completedAt ? ([["Finished", formatDateTime(campaign.completedAt)]] as [string, string][]) : []),
  ];

  return (
    <div className="space-y-5">
      {campaign.statusReason && (
        <Alert tone={REASON_TONES[campaign.status] ?? "info"} title={campaign.status === "paused" ? "Paused" : undefined}>
          {campaign.statusReason}
          {campaign.statusReason.startsWith("Out of credits") && (
            <>
              {" "}
              <Link href="/settings/credits" className="font-medium underline">
                Credits
              </Link>
            </>
          )}
        </Alert>
      )}
      <dl className="grid gap-x-6 gap-y-3 rounded-xl border border-slate-200 bg-white px-5 py-4 text-sm shadow-xs sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
            <dd className="mt-0.5 truncate text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <AbTestStatus campaign={campaign} abTest={report.data?.abTest} canEdit={canEdit} />
      <StagesCard stages={stages} paused={campaign.status === "paused"} />
      <ChannelCounts progress={campaign.progress} />
      <CampaignReportSection report={report.data} error={report.error} />
    </div>
  );
}
