import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { parseAbTest, ZAbTestInput } from "./ab/ab-test-rules";
import { checkAbTest } from "./ab/check-ab-test";
import { CAMPAIGN_COLUMNS } from "./campaign-columns";
import { checkCampaignReferences } from "./campaign-references";
import { ZAudience, ZCampaignId, ZCampaignName, ZChannels, ZLocalTime, ZThrottle } from "./campaign-rules";

const ZCampaignFields = z.object({
  channels: ZChannels,
  emailTemplateId: z.string().uuid({ message: "Choose an email template" }).nullable(),
  smsTemplateId: z.string().uuid({ message: "Choose an SMS template" }).nullable(),
  sendingIdentityId: z.string().uuid({ message: "Choose a sender" }).nullable(),
  audience: ZAudience,
  sendAt: z.coerce.date({ message: "Send time must be a date and time" }).nullable(),
  localSendTime: ZLocalTime.nullable(),
  throttlePerSecond: ZThrottle,
  throttlePerHour: ZThrottle,
  /** An A/B test (email only), or null for none. */
  abTest: ZAbTestInput.nullable(),
});

/** The test as it will be stored, checked against the channels the campaign will have. */
const checkedAbTest = async (workspaceId: string, raw: unknown, channels: readonly string[]) => {
  if (raw === null || raw === undefined) return null;
  const test = parseAbTest(raw);
  await checkAbTest(workspaceId, test, channels);
  return test;
};

export const ZCreateCampaign = ZCampaignFields.partial().extend({ name: ZCampaignName });

export const createCampaign = async ({ workspaceId, userId, ...input }: z.input<typeof ZCreateCampaign> & { workspaceId: string; userId: string | null }) => {
  const values = parseInput(ZCreateCampaign, input);
  await checkCampaignReferences(workspaceId, values);
  const abTest = await checkedAbTest(workspaceId, values.abTest, values.channels ?? ["email"]);
  const [row] = await db
    .insert(campaigns)
    .values({
      workspaceId,
      name: values.name,
      channels: values.channels ?? ["email"],
      emailTemplateId: values.emailTemplateId ?? null,
      smsTemplateId: values.smsTemplateId ?? null,
      sendingIdentityId: values.sendingIdentityId ?? null,
      audience: values.audience ?? { listIds: [], segmentIds: [], excludeListIds: [], excludeSegmentIds: [] },
      sendAt: values.sendAt ?? null,
      localSendTime: values.localSendTime ?? null,
      throttlePerSecond: values.throttlePerSecond ?? null,
      throttlePerHour: values.throttlePerHour ?? null,
      abTest,
      createdBy: userId,
    })
    .returning(CAMPAIGN_COLUMNS);
  return row!;
};

export const ZUpdateCampaign = ZCampaignFields.partial().extend({ campaignId: ZCampaignId, name: ZCampaignName.optional() });

/** Drafts (and scheduled campaigns, which go back to draft) can change; anything launched is history. */
export const updateCampaign = async ({ workspaceId, ...input }: z.input<typeof ZUpdateCampaign> & { workspaceId: string }) => {
  const { campaignId, ...patch } = parseInput(ZUpdateCampaign, input);
  const [current] = await db
    .select({ status: campaigns.status, channels: campaigns.channels, abTest: campaigns.abTest })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!current) throw new AppError("NOT_FOUND", "Campaign not found");
  if (current.status !== "draft") throw new AppError("CONFLICT", `A ${current.status} campaign cannot be edited; duplicate it instead`);
  await checkCampaignReferences(workspaceId, patch);
  // Checked as the campaign will be after the change: a test stays valid only on an email-only campaign.
  const abTest = await checkedAbTest(workspaceId, patch.abTest === undefined ? current.abTest : patch.abTest, patch.channels ?? current.channels);
  const changes = Object.fromEntries(Object.entries({ ...patch, abTest }).filter(([, value]) => value !== undefined));
  const [row] = await db
    .update(campaigns)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId), eq(campaigns.status, "draft")))
    .returning(CAMPAIGN_COLUMNS);
  if (!row) throw new AppError("CONFLICT", "The campaign was launched meanwhile");
  return row;
};
