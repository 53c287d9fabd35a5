import type { Executor } from "@/server/db/client";
import { env } from "@/server/env";
import { changeCreditBalance, ensureCreditBalance } from "./credit-balance-row";
import { appendCreditLedgerEntry } from "./credit-ledger-entry";
import { roundCredits } from "./credit-rules";

export const STARTING_CREDITS_NOTE = "Starting credits";

/**
 * Opens a new workspace's balance with STARTING_CREDITS (default 1,000) as a top-up, in the
 * transaction that creates the workspace, so a workspace never exists without its balance row.
 * The grant is Herald's, not the creator's, so the entry names nobody.
 */
export const grantStartingCredits = async (tx: Executor, { workspaceId }: { workspaceId: string }) => {
  await ensureCreditBalance(tx, workspaceId);
  const amount = roundCredits(env().STARTING_CREDITS);
  if (amount <= 0) return;
  await changeCreditBalance(tx, workspaceId, amount);
  await appendCreditLedgerEntry(tx, { workspaceId, kind: "top_up", amount, note: STARTING_CREDITS_NOTE });
};
