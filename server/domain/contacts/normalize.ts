import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

// Pragmatic address check (what ESPs accept), not the full RFC 5322 grammar: one @, a dotted domain,
// no spaces or control characters, within SMTP's length limits.
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Lower-cased, trimmed address, or null when it is not a deliverable-looking address. */
export const normalizeEmail = (raw: string): string | null => {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) return null;
  const local = email.slice(0, email.indexOf("@"));
  if (local.length > 64 || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return null;
  return email;
};

export type NormalizedPhone = { e164: string; country: string | null };

/**
 * E.164 with the number's country (HK, MO, TW, CN...), or null when it is not a valid number.
 * Numbers without a leading + are read in `defaultCountry` (the workspace's or the import's).
 */
export const normalizePhone = (raw: string, defaultCountry?: string): NormalizedPhone | null => {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, country: parsed.country ?? null };
};

export const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1);
