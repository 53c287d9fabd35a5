import { smsCost } from "@/server/domain/content/sms/sms-message";
import { env } from "@/server/env";
import { roundCredits } from "./credit-rules";

/**
 * What messages cost in credits. The pipeline prices a batch with these and hands the total to
 * debitCredits; everything is rounded to the ledger's 4 decimals here, once, so what the recipients'
 * `cost` column says and what the ledger charged add up.
 */

/** Credits one email costs: EMAIL_CREDIT_PRICE (default 1). */
export const emailMessagePrice = (): number => roundCredits(env().EMAIL_CREDIT_PRICE);

/** Credits for `messages` emails. */
export const emailCredits = (messages: number): number => roundCredits(messages * emailMessagePrice());

/** Credits one SMS costs: its segments times the route's price per segment (the composer shows the same figure). */
export const smsMessagePrice = (segments: number, pricePerSegment: number): number => smsCost(segments, pricePerSegment);

/** The total for a batch of per-message costs, summed in ten-thousandths so float tails never add up. */
export const sumCredits = (costs: readonly number[]): number =>
  costs.reduce((total, cost) => total + Math.round(cost * 10_000), 0) / 10_000;
