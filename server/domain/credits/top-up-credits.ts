import { z } from "zod";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { invalidField } from "@/server/errors";
import { changeCreditBalance, ensureCreditBalance, isNumericOverflow } from "./credit-balance-row";
import { appendCreditLedgerEntry } from "./credit-ledger-entry";
import { roundCredits, ZCreditNote, ZTopUpAmount } from "./credit-rules";

export const ZTopUpCredits = z.object({ amount: ZTopUpAmount, note: ZCreditNote.optional() });

export type TopUpCreditsOptions = z.input<typeof ZTopUpCredits> & { workspaceId: string; createdBy: string | null };

/** Adds credits (an owner or admin paid for them), as one ledger entry and the new balance. */
export const topUpCredits = async ({ workspaceId, createdBy, ...input }: TopUpCreditsOptions) => {
  const { amount, note } = parseInput(ZTopUpCredits, input);
  const credits = roundCredits(amount);
  try {
    return await db.transaction(async (tx) => {
      await ensureCreditBalance(tx, workspaceId);
      const balance = (await changeCreditBalance(tx, workspaceId, credits))!;
      const entry = await appendCreditLedgerEntry(tx, { workspaceId, kind: "top_up", amount: credits, note, createdBy });
      return { balance, entry };
    });
  } catch (error) {
    if (isNumericOverflow(error)) throw invalidField("amount", "That would take the balance past 9,999,999,999 credits");
    throw error;
  }
};
