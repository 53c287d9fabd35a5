import type { SelectHTMLAttributes } from "react";
import { Select } from "@/components/ui/select";
import type { CountryOption } from "./suppression-labels";

/** "Numbers without a country code are in…": optional, the featured markets first. */
export function CountrySelect({ countries, ...props }: { countries: CountryOption[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Select {...props}>
      <option value="">None: every number has its country code</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name} ({country.callingCode})
        </option>
      ))}
    </Select>
  );
}
