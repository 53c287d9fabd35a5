import { z } from "zod";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { invalidField } from "@/server/errors";
import { changeCreditBalance, ensureCreditBalance, isNumericOverflow, readCreditBalance } from "./credit-balance-row";
import { appendCreditLedgerEntry } from "./credit-ledger-entry";
import { formatCredits, roundCredits, ZAdjustmentAmount, ZCreditNote } from "./credit-rules";

// A correction moves money outside any payment or send, so the ledger must say why.
export const ZAdjustCredits = z.object({ amount: ZAdjustmentAmount, note: ZCreditNote.min(1, "Say why, for the ledger") });

export type AdjustCreditsOptions = z.input<typeof ZAdjustCredits> & { workspaceId: string; createdBy: string | null };

/** An admin's correction either way; it may take credits away, but never below zero. */
export const adjustCredits = async ({ workspaceId, createdBy, ...input }: AdjustCreditsOptions) => {
  const { amount, note } = parseInput(ZAdjustCredits, input);
  const credits = roundCredits(amount);
  try {
    return await db.transaction(async (tx) => {
      await ensureCreditBalance(tx, workspaceId);
      const balance = await changeCreditBalance(tx, workspaceId, credits);
      if (balance === null) {
        const current = await readCreditBalance(tx, workspaceId);
        throw invalidField(
          "amount",
          `The balance is ${formatCredits(current)} credits; an adjustment can take away at most ${formatCredits(current)}`,
        );
      }
      const entry = await appendCreditLedgerEntry(tx, { workspaceId, kind: "adjustment", amount: credits, note, createdBy });
      return { balance, entry };
    });
  } catch (error) {
    if (isNumericOverflow(error)) throw invalidField("amount", "That would take the balance past 9,999,999,999 credits");
    throw error;
  }
};
