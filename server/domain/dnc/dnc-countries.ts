import { getCountries, getCountryCallingCode, isSupportedCountry, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";

/** Listed first in pickers: the markets Herald is mostly used in. Any other ISO code works too. */
export const FEATURED_DNC_COUNTRIES = ["HK", "MO", "TW", "CN"] as const;

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const SHORT_NAMES: Record<string, string> = { HK: "Hong Kong", MO: "Macau" };

export const countryName = (code: string) => SHORT_NAMES[code] ?? regionNames.of(code) ?? code;

export const ZDncCountry = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code), "country must be a two-letter ISO code with phone numbers, such as HK");

/** Every country with phone numbers, featured ones first, for the "add a register" picker. */
export const dncCountryOptions = () => {
  const rest = getCountries()
    .filter((code) => !(FEATURED_DNC_COUNTRIES as readonly string[]).includes(code))
    .sort((a, b) => countryName(a).localeCompare(countryName(b)));
  return [...FEATURED_DNC_COUNTRIES, ...rest].map((code) => ({
    code,
    name: countryName(code),
    callingCode: `+${getCountryCallingCode(code as CountryCode)}`,
  }));
};
