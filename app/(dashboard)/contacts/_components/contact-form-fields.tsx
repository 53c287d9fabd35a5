"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrorMap } from "@/lib/trpc-errors";
import type { CountryOption } from "../_lib/form-options";

export type ContactFieldValues = {
  email?: string | null;
  phone?: string | null;
  phoneCountry?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  locale?: string | null;
};

export const CONTACT_FIELDS = ["email", "phone", "defaultCountry", "firstName", "lastName", "timezone", "locale"] as const;

/**
 * The built-in contact fields, named for FormData (read them back with readContactFields).
 * Shared by the "Add contact" dialog and the contact page's edit form.
 */
export function ContactFormFields({
  values = {},
  errors,
  countries,
  timeZones,
  disabled,
}: {
  values?: ContactFieldValues;
  errors: FieldErrorMap;
  countries: CountryOption[];
  timeZones: string[];
  disabled?: boolean;
}) {
  const zonesId = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Email" error={errors.email} className="sm:col-span-2">
        {(control) => (
          <Input
            {...control}
            name="email"
            type="email"
            autoComplete="off"
            placeholder="ana@example.com"
            defaultValue={values.email ?? ""}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label="Phone" error={errors.phone} hint="With +country code, or choose the country it is in.">
        {(control) => (
          <Input
            {...control}
            name="phone"
            type="tel"
            autoComplete="off"
            placeholder="+852 9123 4567"
            defaultValue={values.phone ?? ""}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label="Phone country" error={errors.defaultCountry}>
        {(control) => (
          <Select {...control} name="defaultCountry" defaultValue={values.phoneCountry ?? ""} disabled={disabled}>
            <option value="">From the + code</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name} (+{country.callingCode})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="First name" error={errors.firstName}>
        {(control) => <Input {...control} name="firstName" autoComplete="off" defaultValue={values.firstName ?? ""} disabled={disabled} />}
      </Field>
      <Field label="Last name" error={errors.lastName}>
        {(control) => <Input {...control} name="lastName" autoComplete="off" defaultValue={values.lastName ?? ""} disabled={disabled} />}
      </Field>
      <Field label="Time zone" error={errors.timezone} hint="Used to send at the contact's local time.">
        {(control) => (
          <>
            <Input
              {...control}
              name="timezone"
              list={zonesId}
              autoComplete="off"
              placeholder="Asia/Hong_Kong"
              defaultValue={values.timezone ?? ""}
              disabled={disabled}
            />
            <datalist id={zonesId}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Locale" error={errors.locale} hint="A language tag, such as en or zh-Hant-HK.">
        {(control) => <Input {...control} name="locale" autoComplete="off" placeholder="en" defaultValue={values.locale ?? ""} disabled={disabled} />}
      </Field>
    </div>
  );
}

/**
 * The built-in fields from a submitted form. On create, empty fields are left out; on update they
 * become null, which clears them.
 */
export const readContactFields = (form: FormData, mode: "create" | "update") => {
  const read = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value ? value : mode === "create" ? undefined : null;
  };
  return {
    email: read("email"),
    phone: read("phone"),
    defaultCountry: String(form.get("defaultCountry") ?? "") || undefined,
    firstName: read("firstName"),
    lastName: read("lastName"),
    timezone: read("timezone"),
    locale: read("locale"),
  };
};
