import { creditLedger } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import type { CreditEntryKind } from "./credit-rules";

export type NewCreditLedgerEntry = {
  workspaceId: string;
  kind: CreditEntryKind;
  /** Signed: positive adds credit, negative spends it. */
  amount: number;
  channel?: "email" | "sms" | null;
  campaignId?: string | null;
  messages?: number | null;
  note?: string | null;
  createdBy?: string | null;
};

/** What ledger answers carry (never workspace_id: callers already know it). */
export const creditLedgerColumns = {
  id: creditLedger.id,
  kind: creditLedger.kind,
  amount: creditLedger.amount,
  channel: creditLedger.channel,
  campaignId: creditLedger.campaignId,
  messages: creditLedger.messages,
  note: creditLedger.note,
  createdBy: creditLedger.createdBy,
  createdAt: creditLedger.createdAt,
};

/** Appends one entry. Always in the same transaction as the balance change it records. */
export const appendCreditLedgerEntry = async (executor: Executor, entry: NewCreditLedgerEntry) => {
  const [row] = await executor
    .insert(creditLedger)
    .values({
      workspaceId: entry.workspaceId,
      kind: entry.kind,
      amount: entry.amount,
      channel: entry.channel ?? null,
      campaignId: entry.campaignId ?? null,
      messages: entry.messages ?? null,
      note: entry.note || null,
      createdBy: entry.createdBy ?? null,
    })
    .returning(creditLedgerColumns);
  return row!;
};
