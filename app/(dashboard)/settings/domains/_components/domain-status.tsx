import { Badge } from "@/components/ui/badge";
import type { SendingDomainStatus } from "@/server/domain/delivery/domains/sending-domain-view";

const LOOK: Record<SendingDomainStatus, { tone: "green" | "red" | "amber"; label: string }> = {
  verified: { tone: "green", label: "Verified" },
  failing: { tone: "red", label: "Not verified" },
  pending: { tone: "amber", label: "Pending" },
};

export function DomainStatusBadge({ status }: { status: SendingDomainStatus }) {
  return <Badge tone={LOOK[status].tone}>{LOOK[status].label}</Badge>;
}

export function CheckBadge({ status }: { status: "pass" | "fail" }) {
  return status === "pass" ? <Badge tone="green">Pass</Badge> : <Badge tone="red">Fail</Badge>;
}
