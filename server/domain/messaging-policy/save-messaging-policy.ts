import { messagingPolicies } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { ZMessagingPolicy, type MessagingPolicy, type MessagingPolicyInput } from "./messaging-policy-rules";

/** Replaces the workspace's messaging limits; bad input is refused naming each field and why. */
export const saveMessagingPolicy = async ({ workspaceId, ...input }: MessagingPolicyInput & { workspaceId: string }): Promise<MessagingPolicy> => {
  const policy = parseInput(ZMessagingPolicy, input);
  await db
    .insert(messagingPolicies)
    .values({ workspaceId, ...policy, updatedAt: new Date() })
    .onConflictDoUpdate({ target: messagingPolicies.workspaceId, set: { ...policy, updatedAt: new Date() } });
  return policy;
};
