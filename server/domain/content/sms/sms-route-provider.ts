import { z } from "zod";
import { invalidField } from "@/server/errors";
import { mergeProvider, ZSmsProviderInput, type SmsProvider } from "@/server/domain/delivery/sms/sms-provider";

export const ZRouteProvider = ZSmsProviderInput.nullable();
export const ZRouteThrottle = z
  .number({ message: "Enter how many messages per second the provider allows" })
  .int("The throttle is a whole number of messages per second")
  .min(1, "A throttle must allow at least 1 message per second")
  .max(100_000, "That is above what any SMSC accepts")
  .nullable();

/** The provider to store (secrets kept from the stored one when left out), or null for a price-only route. */
export const providerToStore = (input: z.output<typeof ZRouteProvider>, stored: unknown): SmsProvider | null => {
  if (input === null) return null;
  const merged = mergeProvider(input, stored);
  if (!merged.ok) throw invalidField(merged.field, merged.message);
  return merged.provider;
};
