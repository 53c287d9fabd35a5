import type { AudienceIds } from "@/components/campaigns/audience-summary";
import { abDraftFromCampaign, abDraftProblems, abDraftToInput, type AbTestDraft } from "./ab-test-draft";
import type { CampaignDetail } from "./campaign-labels";

export type ScheduleMode = "now" | "at" | "local";

/** The editor's state: form values as the inputs hold them (strings), converted only on save. */
export type CampaignDraft = {
  name: string;
  email: boolean;
  sms: boolean;
  emailTemplateId: string;
  smsTemplateId: string;
  /** "" means the template's own sender. */
  sendingIdentityId: string;
  audience: AudienceIds;
  schedule: ScheduleMode;
  /** datetime-local value, in the browser's timezone. */
  sendAt: string;
  /** date value: the day local-time sends start (empty: the next time it comes round). */
  localDate: string;
  localTime: string;
  throttlePerSecond: string;
  throttlePerHour: string;
  ab: AbTestDraft;
};

const pad = (value: number) => String(value).padStart(2, "0");
const toDateInput = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
export const toDateTimeInput = (date: Date) => `${toDateInput(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

export const draftFromCampaign = (campaign: CampaignDetail): CampaignDraft => {
  const schedule: ScheduleMode = campaign.localSendTime ? "local" : campaign.sendAt ? "at" : "now";
  return {
    name: campaign.name,
    email: campaign.channels.includes("email"),
    sms: campaign.channels.includes("sms"),
    emailTemplateId: campaign.emailTemplateId ?? "",
    smsTemplateId: campaign.smsTemplateId ?? "",
    sendingIdentityId: campaign.sendingIdentityId ?? "",
    audience: campaign.audience,
    schedule,
    sendAt: schedule === "at" && campaign.sendAt ? toDateTimeInput(campaign.sendAt) : "",
    localDate: schedule === "local" && campaign.sendAt ? toDateInput(campaign.sendAt) : "",
    localTime: campaign.localSendTime ?? "",
    throttlePerSecond: campaign.throttlePerSecond?.toString() ?? "",
    throttlePerHour: campaign.throttlePerHour?.toString() ?? "",
    ab: abDraftFromCampaign(campaign.abTest),
  };
};

const throttle = (value: string) => (value.trim() === "" ? null : Number(value));

/** What campaigns.update takes (less the id). Local dates and times are read in the browser's timezone. */
export const draftToInput = (draft: CampaignDraft) => ({
  name: draft.name,
  channels: [...(draft.email ? ["email" as const] : []), ...(draft.sms ? ["sms" as const] : [])],
  emailTemplateId: draft.emailTemplateId || null,
  smsTemplateId: draft.smsTemplateId || null,
  sendingIdentityId: draft.sendingIdentityId || null,
  audience: draft.audience,
  sendAt:
    draft.schedule === "at" && draft.sendAt
      ? new Date(draft.sendAt)
      : draft.schedule === "local" && draft.localDate
        ? new Date(`${draft.localDate}T00:00`)
        : null,
  localSendTime: draft.schedule === "local" ? draft.localTime || null : null,
  throttlePerSecond: throttle(draft.throttlePerSecond),
  throttlePerHour: throttle(draft.throttlePerHour),
  abTest: abDraftToInput(draft.ab),
});

/** What the server cannot tell apart from "send now": a schedule chosen but left blank. */
export const draftProblems = (draft: CampaignDraft): Record<string, string> => {
  const problems: Record<string, string> = abDraftProblems(draft.ab);
  if (draft.schedule === "at" && !draft.sendAt) problems.sendAt = "Choose the date and time to send";
  if (draft.schedule === "local" && !draft.localTime) problems.localSendTime = "Choose the local time to deliver at";
  return problems;
};
