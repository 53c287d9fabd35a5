import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";
import type { FieldProblems } from "./field-errors";
import { normalizeEmail, normalizePhone } from "./normalize";

export const CONSENT_STATUSES = ["subscribed", "unsubscribed", "pending", "bounced", "complained"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const ZConsentStatus = z.enum(CONSENT_STATUSES, { message: `Status must be one of ${CONSENT_STATUSES.join(", ")}` });

export const CHANNELS = ["email", "sms"] as const;
export type Channel = (typeof CHANNELS)[number];
export const ZChannel = z.enum(CHANNELS, { message: "Channel must be email or sms" });

const optionalText = (max: number, what: string) => z.string().max(max, `${what} must be at most ${max} characters`).nullish();

/**
 * The built-in fields as callers send them: loose strings, checked and normalised by
 * normalizeContactFields so that every problem comes back at once, named by field.
 * undefined leaves a field alone (on update); null or "" clears it.
 */
export const ZContactFields = z.object({
  email: optionalText(320, "Email"),
  phone: optionalText(40, "Phone"),
  /** How to read a phone number written without +country code (ISO 3166 alpha-2, e.g. HK). */
  defaultCountry: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Choose a country, such as HK").nullish(),
  firstName: optionalText(100, "First name"),
  lastName: optionalText(100, "Last name"),
  timezone: optionalText(64, "Time zone"),
  locale: optionalText(35, "Locale"),
});
export type ContactFieldsInput = z.input<typeof ZContactFields>;

export type NormalizedContactFields = {
  email?: string | null;
  phone?: string | null;
  phoneCountry?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  locale?: string | null;
};

/** The canonical IANA name (Asia/Calcutta becomes Asia/Kolkata where the runtime knows it), or null. */
export const canonicalTimeZone = (raw: string): string | null => {
  // Offsets such as +08:00 are accepted by some runtimes but are not zones: they ignore daylight saving.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(raw)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

/** The canonical BCP 47 tag (zh-hant-hk becomes zh-Hant-HK), or null. */
export const canonicalLocale = (raw: string): string | null => {
  try {
    const [tag] = Intl.getCanonicalLocales(raw);
    return tag ?? null;
  } catch {
    return null;
  }
};

const blank = (value: string | null | undefined) => value === null || (value !== undefined && value.trim() === "");

/**
 * Checks and normalises whichever built-in fields are present. Pure, so the form, the API and
 * imports agree on what a valid contact is. "At least one of email or phone" is the caller's to
 * check, since an update only sends what changes.
 */
export const normalizeContactFields = (input: ContactFieldsInput) => {
  const values: NormalizedContactFields = {};
  const problems: FieldProblems = {};
  const country = input.defaultCountry?.trim().toUpperCase() || undefined;
  if (country && !isSupportedCountry(country)) problems.defaultCountry = `${country} is not a country Herald can read phone numbers for`;

  if (input.email !== undefined) {
    if (blank(input.email)) values.email = null;
    else {
      const email = normalizeEmail(input.email!);
      if (email) values.email = email;
      else problems.email = "Enter a valid email address, such as ana@example.com";
    }
  }

  if (input.phone !== undefined) {
    if (blank(input.phone)) {
      values.phone = null;
      values.phoneCountry = null;
    } else if (!problems.defaultCountry) {
      const raw = input.phone!.trim();
      const phone = normalizePhone(raw, country);
      if (phone) {
        values.phone = phone.e164;
        values.phoneCountry = phone.country;
      } else if (raw.startsWith("+") || raw.startsWith("00")) {
        problems.phone = "Not a valid phone number";
      } else if (country) {
        problems.phone = `Not a valid phone number for ${country}`;
      } else {
        problems.phone = "Not a valid phone number; start it with + and the country code (such as +852) or choose a country";
      }
    }
  }

  for (const field of ["firstName", "lastName"] as const) {
    if (input[field] !== undefined) values[field] = blank(input[field]) ? null : input[field]!.trim();
  }

  if (input.timezone !== undefined) {
    if (blank(input.timezone)) values.timezone = null;
    else {
      const zone = canonicalTimeZone(input.timezone!.trim());
      if (zone) values.timezone = zone;
      else problems.timezone = `"${input.timezone!.trim()}" is not an IANA time zone, such as Asia/Hong_Kong`;
    }
  }

  if (input.locale !== undefined) {
    if (blank(input.locale)) values.locale = null;
    else {
      const locale = canonicalLocale(input.locale!.trim());
      if (locale) values.locale = locale;
      else problems.locale = `"${input.locale!.trim()}" is not a language tag, such as en or zh-Hant-HK`;
    }
  }

  return { values, problems };
};
