import type { ReactNode, SVGProps } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

export type CampaignStatus = "draft" | "scheduled" | "sending" | "paused" | "cancelled" | "sent" | "failed";

// Drawn like components/shell/icons.tsx (24px stroke, lucide-style); kept here because only campaign pages use them.
const icon = (paths: ReactNode) =>
  function StatusIcon(props: SVGProps<SVGSVGElement>) {
    return (
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...props}>
        {paths}
      </svg>
    );
  };

export const DraftIcon = icon(
  <>
    <path d="M12 20h9" />
    <path d="M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z" />
  </>,
);
export const ScheduledIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </>,
);
export const SendingIcon = icon(
  <>
    <path d="m22 2-7 20-4-9-9-4Z" />
    <path d="M22 2 11 13" />
  </>,
);
export const PausedIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M10 9v6M14 9v6" />
  </>,
);
export const CancelledIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m5.6 5.6 12.8 12.8" />
  </>,
);
export const SentIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m8 12 3 3 5-6" />
  </>,
);
export const FailedIcon = icon(
  <>
    <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
    <path d="M12 9v4M12 17h.01" />
  </>,
);

export const CAMPAIGN_STATUSES: Record<CampaignStatus, { label: string; tone: BadgeTone; Icon: ReturnType<typeof icon> }> = {
  draft: { label: "Draft", tone: "neutral", Icon: DraftIcon },
  scheduled: { label: "Scheduled", tone: "brand", Icon: ScheduledIcon },
  sending: { label: "Sending", tone: "brand", Icon: SendingIcon },
  paused: { label: "Paused", tone: "amber", Icon: PausedIcon },
  cancelled: { label: "Cancelled", tone: "neutral", Icon: CancelledIcon },
  sent: { label: "Sent", tone: "green", Icon: SentIcon },
  failed: { label: "Failed", tone: "red", Icon: FailedIcon },
};

/** Icon and word together, so the status never depends on colour alone. */
export function CampaignStatusBadge({ status, className }: { status: CampaignStatus; className?: string }) {
  const { label, tone, Icon } = CAMPAIGN_STATUSES[status];
  return (
    <Badge tone={tone} className={cn("gap-1", className)} data-status={status}>
      <Icon className={cn("size-3.5", status === "sending" && "motion-safe:animate-pulse")} />
      {label}
    </Badge>
  );
}
