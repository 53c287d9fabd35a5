import type { BadgeTone } from "@/components/ui/badge";
import type { SuppressionKind, SuppressionReason } from "@/server/domain/suppressions/suppression-entry";

export const KIND_LABELS: Record<SuppressionKind, string> = { email: "Email", domain: "Domain", phone: "Phone" };

export const REASON_LABELS: Record<SuppressionReason, string> = {
  manual: "Added by hand",
  unsubscribed: "Unsubscribed",
  hard_bounce: "Hard bounce",
  complaint: "Spam complaint",
  dnc: "Do not contact",
};

export const REASON_TONES: Record<SuppressionReason, BadgeTone> = {
  manual: "neutral",
  unsubscribed: "neutral",
  hard_bounce: "red",
  complaint: "red",
  dnc: "amber",
};

export const REASONS = Object.keys(REASON_LABELS) as SuppressionReason[];

export type CountryOption = { code: string; name: string; callingCode: string };
