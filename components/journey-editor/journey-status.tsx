import { DraftIcon, PausedIcon, SendingIcon, CancelledIcon } from "@/components/campaigns/campaign-status";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

export type JourneyStatus = "draft" | "live" | "paused" | "archived";

export const JOURNEY_STATUSES: Record<JourneyStatus, { label: string; tone: BadgeTone; Icon: typeof DraftIcon }> = {
  draft: { label: "Draft", tone: "neutral", Icon: DraftIcon },
  live: { label: "Live", tone: "green", Icon: SendingIcon },
  paused: { label: "Paused", tone: "amber", Icon: PausedIcon },
  archived: { label: "Archived", tone: "neutral", Icon: CancelledIcon },
};

/** Icon and word together, so the status never depends on colour alone. */
export function JourneyStatusBadge({ status, className }: { status: JourneyStatus; className?: string }) {
  const { label, tone, Icon } = JOURNEY_STATUSES[status];
  return (
    <Badge tone={tone} className={cn("gap-1", className)} data-status={status}>
      <Icon className="size-3.5" />
      {label}
    </Badge>
  );
}
