import { Metadata as LibMetadata } from "libphonenumber-js/max";
import { normalizePhone, type NormalizedPhone } from "@/server/domain/contacts/normalize";

/**
 * normalizePhone for bulk work. libphonenumber-js costs ~10 µs a number (it re-parses free text and
 * rebuilds every regular expression on each call), which is 10 s of CPU for a million-row import.
 * Most imported numbers are already E.164 ("+85291234567"); for those this module answers from rules
 * compiled once per country calling code (the same metadata, the same decisions as libphonenumber-js's
 * parse → exact country → isValid, see node_modules/libphonenumber-js/source/parse.js), in well under
 * a microsecond. Anything else (national format, punctuation, a number that starts with its national
 * prefix, non-geographic codes) goes to normalizePhone itself. fast-normalize-phone.test.ts checks the
 * two agree on numbers from every calling code.
 */

type TypeRules = { pattern: RegExp; lengths: number[] | undefined };
type CountryRules = {
  country: string;
  leadingDigits: RegExp | null;
  nationalNumber: RegExp;
  /** null when the metadata has no per-type patterns (then the national number pattern decides). */
  types: TypeRules[] | null;
};
type CallingCodeRules = {
  /** Country selected when the calling code alone is known (its "main" country). */
  main: CountryRules;
  countries: CountryRules[];
  nationalPrefixForParsing: RegExp | null;
} | null;

// The runtime API of libphonenumber-js's Metadata class; its published typings only declare a sliver of it.
type LibType = { pattern(): string; possibleLengths(): number[] | undefined };
type LibPlan = {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): LibType | undefined;
};
type LibMeta = {
  hasCallingCode(code: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: LibPlan;
};

// getNumberType's order: fixed line first, then these (only validity matters here, not the type).
const TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const STRICT_E164 = /^\+[1-9]\d{1,16}$/;

let metadata: LibMeta | undefined;
const meta = () => (metadata ??= new (LibMetadata as unknown as new () => LibMeta)());
const cache = new Map<string, CallingCodeRules>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

const compileCountry = (country: string): CountryRules => {
  const m = meta();
  m.selectNumberingPlan(country);
  const plan = m.numberingPlan;
  const leading = plan.leadingDigits();
  let types: TypeRules[] | null = null;
  if (plan.hasTypes()) {
    types = [];
    for (const name of TYPES) {
      const type = plan.type(name);
      if (!type || !type.pattern()) continue;
      types.push({ pattern: whole(type.pattern()), lengths: type.possibleLengths() });
    }
  }
  // getCountryByNationalNumber uses String#search(leadingDigits) === 0: an unanchored pattern.
  return { country, leadingDigits: leading ? new RegExp(leading) : null, nationalNumber: whole(plan.nationalNumberPattern()), types };
};

const compileCallingCode = (code: string): CallingCodeRules => {
  const m = meta();
  const countries = m.getCountryCodesForCallingCode(code);
  // Non-geographic codes (+800, +882...) have their own plan shape: leave them to libphonenumber-js.
  if (!countries?.length || countries.includes("001")) return null;
  const compiled = countries.map(compileCountry);
  m.selectNumberingPlan(code);
  const prefix = m.numberingPlan.nationalPrefixForParsing();
  return { main: compiled[0]!, countries: compiled, nationalPrefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : null };
};

const rulesFor = (code: string) => {
  let rules = cache.get(code);
  if (rules === undefined && !cache.has(code)) {
    rules = compileCallingCode(code);
    cache.set(code, rules);
  }
  return rules;
};

const matchesType = (nationalNumber: string, type: TypeRules) =>
  (!type.lengths || type.lengths.includes(nationalNumber.length)) && type.pattern.test(nationalNumber);

/** libphonenumber-js's getNumberType(...) !== undefined, or the national pattern when there are no types. */
const isValidFor = (nationalNumber: string, rules: CountryRules) => {
  if (!rules.types) return rules.nationalNumber.test(nationalNumber);
  if (!rules.nationalNumber.test(nationalNumber)) return false;
  for (const type of rules.types) if (matchesType(nationalNumber, type)) return true;
  return false;
};

const exactCountry = (nationalNumber: string, rules: NonNullable<CallingCodeRules>): CountryRules | null => {
  if (rules.countries.length === 1) return rules.countries[0]!;
  for (const country of rules.countries) {
    if (country.leadingDigits) {
      if (nationalNumber.search(country.leadingDigits) === 0) return country;
    } else if (country.types && isValidFor(nationalNumber, country)) {
      return country;
    }
  }
  return null;
};

/** The fast answer for strict E.164 input, or undefined when only libphonenumber-js can tell. */
export const normalizeE164Fast = (raw: string): NormalizedPhone | null | undefined => {
  if (!STRICT_E164.test(raw)) return undefined;
  for (let length = 1; length <= 3 && length < raw.length - 1; length++) {
    const code = raw.slice(1, 1 + length);
    if (!meta().hasCallingCode(code)) continue;
    const rules = rulesFor(code);
    if (!rules) return undefined;
    const nationalNumber = raw.slice(1 + length);
    // A national prefix (or carrier code) to strip: libphonenumber-js's extraction rules decide.
    if (rules.nationalPrefixForParsing?.test(nationalNumber)) return undefined;
    if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return null;
    const country = exactCountry(nationalNumber, rules);
    return isValidFor(nationalNumber, country ?? rules.main) ? { e164: raw, country: country?.country ?? null } : null;
  }
  return undefined;
};

/**
 * A normalizePhone(raw, defaultCountry) that takes the fast path when it can. Same answers; the
 * trimmed input is what both paths see.
 */
export const normalizePhoneFast = (raw: string, defaultCountry?: string): NormalizedPhone | null => {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const fast = normalizeE164Fast(trimmed);
  return fast === undefined ? normalizePhone(trimmed, defaultCountry) : fast;
};
