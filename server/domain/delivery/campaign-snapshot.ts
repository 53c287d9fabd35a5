import type { EmailContent } from "@/server/domain/content/render/compile-email";
import type { TemplateLink } from "@/server/domain/content/render/links";

/**
 * What a campaign froze at launch (campaigns.snapshot): the content exactly as it was, so a template
 * edited mid-send, or a view-in-browser page opened a month later, renders what was sent.
 */
export type CampaignSnapshot = {
  campaign: { id: string; name: string };
  workspace: { id: string; name: string; postalAddress: string | null };
  email?: EmailSnapshot;
  sms?: {
    templateId: string;
    revision: number;
    body: string;
    optOutFooter: string;
    characterPolicy: "keep" | "replace";
    routes: { id: string; name: string; markets: string[]; pricePerSegment: number; charset: "ucs2" | "gsm7" | "gsm7_basic" }[];
  };
  /** An A/B test: variant n (1-based) is `variants[n - 1]`; the rest of the audience (variant 0) gets the winner's. */
  abTest?: AbTestSnapshot;
};

export type AbTestSnapshot = {
  field: "subject" | "content";
  winnerBy: "opens" | "clicks";
  samplePercent: number;
  decideAfterMinutes: number;
  /** `label` is the subject, or the template's name, as the report shows it. */
  variants: { label: string; email: EmailSnapshot }[];
  /** Set when the audience is frozen: batches below this number hold the test's recipients, the rest wait for the winner. */
  sampleBatches?: number;
  /** Set then too (ISO): when the winner is due to be picked. */
  decideAt?: string;
};

export type EmailSnapshot = {
  templateId: string;
  revision: number;
  content: EmailContent;
  /** The template's trackable links in order; click tokens carry the index. */
  links: TemplateLink[];
  from: { email: string; name: string | null };
  replyTo: string | null;
  /** Attachments are loaded from this template's files at send time (files are immutable once stored). */
  attachmentTemplateId: string;
};

/**
 * The email a recipient of `variant` gets: their test variant's, or for the rest of the audience
 * (variant 0, or null when there is no test) the winner's once picked, else the campaign's own.
 */
export const emailForVariant = (snapshot: CampaignSnapshot, variant: number | null | undefined, winner: number | null | undefined): EmailSnapshot | undefined => {
  const variants = snapshot.abTest?.variants;
  if (!variants) return snapshot.email;
  const chosen = variant && variant > 0 ? variant : winner;
  return (chosen ? variants[chosen - 1]?.email : undefined) ?? snapshot.email;
};
