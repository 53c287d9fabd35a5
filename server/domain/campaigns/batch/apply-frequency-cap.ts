import type { Executor } from "@/server/db/client";
import { getMessagingPolicy } from "@/server/domain/messaging-policy/get-messaging-policy";
import { hasFrequencyCap } from "@/server/domain/messaging-policy/messaging-policy-rules";
import { reserveMarketingSends } from "@/server/domain/messaging-policy/reserve-marketing-sends";

export const FREQUENCY_CAP_REASON = "frequency_cap";

/**
 * The workspace's frequency cap for a campaign batch, inside the charging transaction: who may get
 * this message (their send is counted now) and who already had their N marketing messages today or
 * this week (skipped with reason "frequency_cap"). Campaigns only count and obey it when the policy
 * has a cap and applies to campaigns, so a workspace without one pays nothing per recipient for it.
 * If the transaction rolls back (out of credits), the counts go with it.
 */
export const applyFrequencyCap = async <T extends { contactId: string }>(tx: Executor, workspaceId: string, payable: T[]): Promise<{ allowed: T[]; capped: T[] }> => {
  if (payable.length === 0) return { allowed: payable, capped: [] };
  const policy = await getMessagingPolicy({ workspaceId }, tx);
  if (!policy.appliesToCampaigns || !hasFrequencyCap(policy)) return { allowed: payable, capped: [] };
  const allowed = new Set(await reserveMarketingSends(tx, { workspaceId, policy, contactIds: payable.map((r) => r.contactId), now: new Date() }));
  return { allowed: payable.filter((r) => allowed.has(r.contactId)), capped: payable.filter((r) => !allowed.has(r.contactId)) };
};

/** Out of credits after the cap was counted: thrown to roll the whole charge back, caught by the caller. */
export class ShortOfCredits extends Error {
  constructor(
    readonly shortBy: number,
    readonly needed: number,
  ) {
    super(`short of credits by ${shortBy}`);
  }
}

/** Runs a charging transaction, turning ShortOfCredits into the "out of credits" outcome. */
export const rollbackWhenShort = async <T>(charge: () => Promise<T>): Promise<T | { ok: false; shortBy: number; needed: number }> => {
  try {
    return await charge();
  } catch (error) {
    if (error instanceof ShortOfCredits) return { ok: false, shortBy: error.shortBy, needed: error.needed };
    throw error;
  }
};
