import type { EmailContent } from "@/server/domain/content/render/compile-email";
import type { TemplateLink } from "@/server/domain/content/render/links";

/**
 * What a campaign froze at launch (campaigns.snapshot): the content exactly as it was, so a template
 * edited mid-send, or a view-in-browser page opened a month later, renders what was sent.
 */
export type CampaignSnapshot = {
  campaign: { id: string; name: string };
  workspace: { id: string; name: string; postalAddress: string | null };
  email?: {
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
  sms?: {
    templateId: string;
    revision: number;
    body: string;
    optOutFooter: string;
    characterPolicy: "keep" | "replace";
    routes: { id: string; name: string; markets: string[]; pricePerSegment: number; charset: "ucs2" | "gsm7" | "gsm7_basic" }[];
  };
};
