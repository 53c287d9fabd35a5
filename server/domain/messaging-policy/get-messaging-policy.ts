import { eq } from "drizzle-orm";
import { messagingPolicies } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { NO_MESSAGING_LIMITS, type MessagingPolicy } from "./messaging-policy-rules";

/** The workspace's messaging limits; a workspace that never saved any has none. */
export const getMessagingPolicy = async ({ workspaceId }: { workspaceId: string }, executor: Executor = db): Promise<MessagingPolicy> => {
  const [row] = await executor
    .select({
      maxPerDay: messagingPolicies.maxPerDay,
      maxPerWeek: messagingPolicies.maxPerWeek,
      quietStart: messagingPolicies.quietStart,
      quietEnd: messagingPolicies.quietEnd,
      appliesToCampaigns: messagingPolicies.appliesToCampaigns,
    })
    .from(messagingPolicies)
    .where(eq(messagingPolicies.workspaceId, workspaceId));
  return row ?? NO_MESSAGING_LIMITS;
};
