import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConsentStatus } from "@/server/domain/contacts/contact-fields";

const TONES: Record<ConsentStatus, BadgeTone> = {
  subscribed: "green",
  pending: "amber",
  unsubscribed: "neutral",
  bounced: "red",
  complained: "red",
};

export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  subscribed: "Subscribed",
  pending: "Pending",
  unsubscribed: "Unsubscribed",
  bounced: "Bounced",
  complained: "Complained",
};

/** A channel's consent at a glance; "No consent" when none was ever recorded. */
export function ConsentBadge({ status, channel }: { status: ConsentStatus | null; channel?: string }) {
  const label = status ? CONSENT_LABELS[status] : "No consent";
  return (
    <Badge tone={status ? TONES[status] : "neutral"} className={status ? undefined : "text-slate-500"} title={channel ? `${channel}: ${label}` : undefined}>
      {label}
    </Badge>
  );
}
