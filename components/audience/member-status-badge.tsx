import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ListMemberStatus } from "@/server/domain/lists/list-rules";

export const MEMBER_STATUS_LABELS: Record<ListMemberStatus, string> = {
  subscribed: "Subscribed",
  unsubscribed: "Unsubscribed",
  bounced: "Bounced",
};

const TONES: Record<ListMemberStatus, BadgeTone> = { subscribed: "green", unsubscribed: "neutral", bounced: "red" };

/** A list member's status, as on the contact page and the list's members table. */
export function MemberStatusBadge({ status }: { status: ListMemberStatus }) {
  return <Badge tone={TONES[status]}>{MEMBER_STATUS_LABELS[status]}</Badge>;
}
