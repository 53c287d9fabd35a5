import type { Executor } from "@/server/db/client";
import { changeCreditBalance, ensureCreditBalance, readCreditBalance } from "./credit-balance-row";
import { appendCreditLedgerEntry } from "./credit-ledger-entry";
import type { CreditMovement } from "./credit-rules";
import { parseCreditMovement } from "./debit-credits";

export type RefundCreditsOptions = CreditMovement & { workspaceId: string };

/**
 * Gives back the credits of messages that were charged but never left (the upstream refused them,
 * the campaign was cancelled mid-batch), inside the caller's transaction, beside the recipients it
 * marks failed. The caller's recipient states are what make a refund happen once; this only records it.
 */
export const refundCredits = async (tx: Executor, { workspaceId, ...movement }: RefundCreditsOptions): Promise<{ balance: number }> => {
  const { amount, channel, campaignId, messages, note } = parseCreditMovement(movement);
  if (amount === 0) return { balance: await readCreditBalance(tx, workspaceId) };
  await ensureCreditBalance(tx, workspaceId);
  // Adding can never take the balance below zero, so the conditional update always returns a row.
  const balance = (await changeCreditBalance(tx, workspaceId, amount))!;
  await appendCreditLedgerEntry(tx, { workspaceId, kind: "refund", amount, channel, campaignId, messages, note });
  return { balance };
};
