import { domainToASCII } from "node:url";
import { normalizeEmail, normalizePhone } from "@/server/domain/contacts/normalize";

export const SUPPRESSION_KINDS = ["email", "domain", "phone"] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];
export const SUPPRESSION_REASONS = ["unsubscribed", "hard_bounce", "complaint", "manual", "dnc"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type SuppressionEntry = { kind: SuppressionKind; value: string };
export type ParsedEntry = ({ ok: true } & SuppressionEntry) | { ok: false; reason: string };

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

const normalizeDomain = (raw: string): string | null => {
  const trimmed = raw.trim().replace(/\.$/, "");
  // Unicode domains are stored as their ASCII (punycode) form, the form addresses arrive in.
  const ascii = domainToASCII(trimmed.toLowerCase());
  return ascii && ascii.length <= 253 && DOMAIN.test(ascii) ? ascii : null;
};

/**
 * One suppression entry as people write it: an address (a@b.com), a whole domain (@b.com or b.com)
 * or a phone number (+85291234567, or a national number read in `defaultCountry`). Normalised the
 * way contacts are, so the suppression matches the contact: lower-case email/domain, E.164 phone.
 */
export const parseSuppressionEntry = (raw: string, defaultCountry?: string | null): ParsedEntry => {
  const text = raw.trim();
  if (!text) return { ok: false, reason: "Empty entry" };
  if (text.length > 320) return { ok: false, reason: "Too long to be an email address, domain or phone number" };
  if (text.startsWith("@")) {
    const domain = normalizeDomain(text.slice(1));
    return domain ? { ok: true, kind: "domain", value: domain } : { ok: false, reason: `"${text}" is not a valid domain` };
  }
  if (text.includes("@")) {
    const email = normalizeEmail(text);
    return email ? { ok: true, kind: "email", value: email } : { ok: false, reason: `"${text}" is not a valid email address` };
  }
  if (PHONE_LIKE.test(text)) {
    if (!text.startsWith("+") && !defaultCountry) {
      return { ok: false, reason: `"${text}" has no country code; write it as +<country code><number> or choose a default country` };
    }
    const phone = normalizePhone(text, defaultCountry ?? undefined);
    return phone
      ? { ok: true, kind: "phone", value: phone.e164 }
      : { ok: false, reason: `"${text}" is not a valid phone number${text.startsWith("+") || !defaultCountry ? "" : ` in ${defaultCountry}`}` };
  }
  const domain = normalizeDomain(text);
  if (domain) return { ok: true, kind: "domain", value: domain };
  return { ok: false, reason: `"${text}" is not an email address, a domain or a phone number` };
};

/** The first column of a CSV-ish line ("a@b.com,hard bounce,2024-01-01" → "a@b.com"), unquoted. */
export const firstColumn = (line: string) => {
  const cell = line.split(/[,;\t]/, 1)[0] ?? "";
  return cell.trim().replace(/^"(.*)"$/, "$1").trim();
};

/** A header row such as "email" or "Phone number": words only, no digits or @. */
export const looksLikeHeader = (cell: string) => /^[a-z][a-z _-]*$/i.test(cell) && !cell.includes(".");
