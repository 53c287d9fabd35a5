import { z } from "zod";

export const ZCampaignId = z.string().uuid({ message: "Campaign id must be a UUID" });
export const ZCampaignName = z.string().trim().min(1, "Give the campaign a name, such as Spring sale").max(200, "Keep the name under 200 characters");
export const ZChannels = z
  .array(z.enum(["email", "sms"], { message: "Channels are email and sms" }))
  .min(1, "Choose email, SMS or both")
  .transform((channels) => [...new Set(channels)]);
const ZIds = z.array(z.string().uuid({ message: "Each id must be a UUID" })).max(50, "At most 50 at a time");
export const ZAudience = z.object({
  listIds: ZIds.default([]),
  segmentIds: ZIds.default([]),
  excludeListIds: ZIds.default([]),
  excludeSegmentIds: ZIds.default([]),
});
export const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time like 09:30");
export const ZThrottle = z.number().int().min(1, "A throttle must allow at least 1 message").max(1_000_000, "That throttle is above anything a smarthost accepts").nullable();

/** Recipients per batch job: large enough to amortise a transaction, small enough that pause acts within seconds. */
export const BATCH_SIZE = 250;
