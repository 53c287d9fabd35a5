import { getCountries, getCountryCallingCode } from "libphonenumber-js/max";

export type CountryOption = { code: string; name: string; callingCode: string };

let countries: CountryOption[] | null = null;
let timeZones: string[] | null = null;

/**
 * Countries whose phone numbers Herald can read, named in English, for the "default country"
 * select. Built on the server and passed down, so the browser never loads phone metadata.
 */
export const countryOptions = (): CountryOption[] => {
  if (countries) return countries;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  countries = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code, callingCode: getCountryCallingCode(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return countries;
};

/** IANA zone names for the time zone field's suggestions (server and browser may differ, so one list). */
export const timeZoneOptions = (): string[] => (timeZones ??= Intl.supportedValuesOf("timeZone"));
