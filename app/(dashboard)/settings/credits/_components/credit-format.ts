import type { CreditEntryKind } from "@/server/domain/credits/credit-rules";

/** What the server page hands down (the labels live in server/domain; the client only shows them). */
export type KindOption = { kind: CreditEntryKind; label: string };

/** Credits as people read them: "1,000", "0.05". */
export const formatCredits = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 4 });

/** A ledger amount with its sign, so spending and adding read apart without colour: "+500", "−12". */
export const formatSignedCredits = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatCredits(Math.abs(value))}`;
