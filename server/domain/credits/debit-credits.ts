import type { Executor } from "@/server/db/client";
import { invalidFields, zodProblems } from "@/server/domain/contacts/field-errors";
import { changeCreditBalance, ensureCreditBalance, readCreditBalance } from "./credit-balance-row";
import { appendCreditLedgerEntry } from "./credit-ledger-entry";
import { roundCredits, ZCreditMovement, type CreditMovement } from "./credit-rules";

/**
 * The sending pipeline's two money moves, both inside the caller's transaction: charging a batch
 * before it goes out, and giving back what was charged for messages that never left.
 */

export type DebitCreditsOptions = CreditMovement & { workspaceId: string };
export type RefundCreditsOptions = CreditMovement & { workspaceId: string };

export type DebitCreditsResult = { ok: true; balance: number } | { ok: false; balance: number; shortBy: number };

/** Checks a charge or refund from the pipeline; a bad figure is a bug there, reported by field. */
export const parseCreditMovement = (movement: CreditMovement) => {
  const parsed = ZCreditMovement.safeParse(movement);
  if (!parsed.success) throw invalidFields(zodProblems(parsed.error));
  return { ...parsed.data, amount: roundCredits(parsed.data.amount) };
};

/**
 * Charges `amount` credits for `messages` messages, inside the CALLER'S transaction (the one that
 * marks those recipients `charged`), so the charge and what it paid for commit or roll back together.
 *
 * One conditional UPDATE takes the row lock and spends only if the balance covers it; concurrent
 * batches queue on that lock and each sees the balance the previous one left, so they never overdraw
 * (and the CHECK (balance >= 0) backs that up). This relies on READ COMMITTED, Postgres's default: in a
 * REPEATABLE READ or SERIALIZABLE transaction the loser of a race gets a serialization error instead.
 *
 * Not enough credits is an expected outcome, not an exception: { ok: false, balance, shortBy } with
 * nothing written, so the caller can pause the campaign with a reason and keep its transaction.
 * A zero amount (a free route) writes nothing and succeeds.
 */
export const debitCredits = async (tx: Executor, { workspaceId, ...movement }: DebitCreditsOptions): Promise<DebitCreditsResult> => {
  const { amount, channel, campaignId, messages, note } = parseCreditMovement(movement);
  if (amount === 0) return { ok: true, balance: await readCreditBalance(tx, workspaceId) };

  const balance = await changeCreditBalance(tx, workspaceId, -amount);
  if (balance === null) {
    const current = await readCreditBalance(tx, workspaceId);
    return { ok: false, balance: current, shortBy: roundCredits(amount - current) };
  }
  await appendCreditLedgerEntry(tx, { workspaceId, kind: "debit", amount: -amount, channel, campaignId, messages, note });
  return { ok: true, balance };
};

/**
 * Gives back the credits of messages that were charged but never left (the upstream refused them,
 * the campaign was cancelled mid-batch), beside the recipients the caller marks failed. The caller's
 * recipient states are what make a refund happen once; this records it. A zero amount writes nothing.
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
