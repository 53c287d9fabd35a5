import { z } from "zod";

/** What one top-up or adjustment may move: a sanity limit against a slipped finger (10,000,000 for 100,000). */
export const MAX_CREDIT_CHANGE = 10_000_000;

/** Rounds to the 4 decimals numeric(14, 4) keeps, so 3 × 0.0333 is 0.0999 and not 0.09989999999999999. */
export const roundCredits = (value: number) => Math.round(value * 10_000) / 10_000;

const hasAtMostFourDecimals = (value: number) => Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-6;

/** "1,234.5": how credits read in messages (fixed to en-US so server-written reasons read the same everywhere). */
export const formatCredits = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 4 });

const amount = (what: string) =>
  z
    .number({ message: `Enter ${what}, such as 500` })
    .finite(`Enter ${what}, such as 500`)
    .refine(hasAtMostFourDecimals, "Use at most 4 decimal places");

/** A top-up: more than zero, at most MAX_CREDIT_CHANGE. */
export const ZTopUpAmount = amount("the credits to add")
  .refine((value) => value > 0, "The amount must be more than 0")
  .refine((value) => value <= MAX_CREDIT_CHANGE, `The amount must be at most ${formatCredits(MAX_CREDIT_CHANGE)}`);

/** An adjustment: either way, never zero; whether it fits the balance is checked against the row. */
export const ZAdjustmentAmount = amount("the credits to add or, negative, to take away")
  .refine((value) => value !== 0, "The amount cannot be 0")
  .refine(
    (value) => Math.abs(value) <= MAX_CREDIT_CHANGE,
    `The amount must be between -${formatCredits(MAX_CREDIT_CHANGE)} and ${formatCredits(MAX_CREDIT_CHANGE)}`,
  );

export const ZCreditNote = z.string({ message: "The note must be text" }).trim().max(500, "The note must be at most 500 characters");

export const CREDIT_ENTRY_KINDS = ["top_up", "debit", "refund", "adjustment"] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];
export const ZCreditEntryKind = z.enum(CREDIT_ENTRY_KINDS, { message: `Kind must be one of ${CREDIT_ENTRY_KINDS.join(", ")}` });

export const CREDIT_ENTRY_KIND_LABELS: Record<CreditEntryKind, string> = {
  top_up: "Top-up",
  debit: "Sending",
  refund: "Refund",
  adjustment: "Adjustment",
};

/**
 * What the sending pipeline charges or refunds: a count of messages and their credits, already priced
 * (credit-prices.ts). Checked at run time because a wrong figure here is money, not a typo.
 */
export const ZCreditMovement = z.object({
  amount: z
    .number()
    .finite()
    .min(0, "A charge or refund cannot be negative")
    .refine(hasAtMostFourDecimals, "Use at most 4 decimal places; price with credit-prices.ts"),
  channel: z.enum(["email", "sms"]),
  campaignId: z.uuid().optional(),
  messages: z.number().int().min(0),
  note: z.string().max(500).optional(),
});
export type CreditMovement = z.input<typeof ZCreditMovement>;
