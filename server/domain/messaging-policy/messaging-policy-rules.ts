import { z } from "zod";

/**
 * A workspace's limits on marketing messages to one person (drizzle/schema/journeys.ts
 * messaging_policies): at most maxPerDay / maxPerWeek across journeys (and campaigns when
 * appliesToCampaigns), and none during quiet hours in the recipient's local time (they wait).
 * Pure, so the settings form checks the same rules the server does.
 */

export type MessagingPolicy = {
  maxPerDay: number | null;
  maxPerWeek: number | null;
  /** "HH:MM" local; both null: no quiet hours. */
  quietStart: string | null;
  quietEnd: string | null;
  appliesToCampaigns: boolean;
};

/** What a workspace that never saved a policy gets: no caps, no quiet hours. */
export const NO_MESSAGING_LIMITS: MessagingPolicy = { maxPerDay: null, maxPerWeek: null, quietStart: null, quietEnd: null, appliesToCampaigns: true };

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM (24-hour), e.g. 21:00")
  .nullable();
const cap = (what: string) =>
  z
    .int({ error: `${what} must be a whole number` })
    .min(1, `${what} must be at least 1 (leave it empty for no limit)`)
    .max(1000, `${what} must be at most 1,000`)
    .nullable();

export const ZMessagingPolicy = z
  .object({
    maxPerDay: cap("the daily limit"),
    maxPerWeek: cap("the weekly limit"),
    quietStart: clock,
    quietEnd: clock,
    appliesToCampaigns: z.boolean().default(true),
  })
  .superRefine((policy, ctx) => {
    if ((policy.quietStart === null) !== (policy.quietEnd === null)) {
      const field = policy.quietStart === null ? "quietStart" : "quietEnd";
      ctx.addIssue({ code: "custom", path: [field], message: "set both the start and the end of quiet hours, or neither" });
    } else if (policy.quietStart !== null && policy.quietStart === policy.quietEnd) {
      ctx.addIssue({ code: "custom", path: ["quietEnd"], message: "quiet hours must end at a different time than they start" });
    }
    if (policy.maxPerDay !== null && policy.maxPerWeek !== null && policy.maxPerWeek < policy.maxPerDay) {
      ctx.addIssue({ code: "custom", path: ["maxPerWeek"], message: "the weekly limit cannot be lower than the daily limit" });
    }
  });
export type MessagingPolicyInput = z.input<typeof ZMessagingPolicy>;

export const hasFrequencyCap = (policy: MessagingPolicy) => policy.maxPerDay !== null || policy.maxPerWeek !== null;
