"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { SearchIcon } from "@/components/audience/block-icons";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatRelative } from "@/lib/format";
import { errorMessage, fieldErrors } from "@/lib/trpc-errors";
import type { CountryOption } from "./dnc-types";

/** "Is +852 9123 4567 on the list?", answered from the list in force for the number's country. */
export function DncLookup({ countries }: { countries: CountryOption[] }) {
  const trpc = useTRPC();
  const [asked, setAsked] = useState<{ phone: string; country: string | null } | null>(null);
  const lookup = useQuery({ ...trpc.dnc.lookup.queryOptions(asked ?? { phone: "" }), enabled: asked !== null, retry: false });
  const problem = lookup.error ? (fieldErrors(lookup.error).phone ?? errorMessage(lookup.error)) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phone = String(form.get("phone") ?? "").trim();
    if (phone) setAsked({ phone, country: String(form.get("country") ?? "") || null });
  };

  const answer = lookup.data;
  return (
    <Card className="px-5 py-4 sm:px-6">
      <Form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="Look up a number">
        <div className="min-w-0 flex-1">
          <label htmlFor="dnc-lookup-phone" className="sr-only">
            Phone number
          </label>
          <Input id="dnc-lookup-phone" name="phone" type="tel" placeholder="Is +852 9123 4567 on a list?" autoComplete="off" aria-invalid={problem ? true : undefined} />
          <FieldError>{problem}</FieldError>
        </div>
        <Select name="country" aria-label="Country of numbers without a country code" defaultValue="" className="sm:w-56">
          <option value="">Number has its country code</option>
          {countries.slice(0, 4).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name} ({country.callingCode})
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" pending={lookup.isFetching}>
          {!lookup.isFetching && <SearchIcon className="size-4" />}
          Check
        </Button>
      </Form>
      {answer && !lookup.isFetching && (
        <p className="mt-3 text-sm" role="status">
          <span className="font-mono">{answer.e164}</span>{" "}
          {!answer.registry ? (
            <span className="text-slate-600">
              is a {answer.countryName ?? "non-geographic"} number; this workspace has no Do-Not-Call register for {answer.countryName ?? "it"}.
            </span>
          ) : answer.listed ? (
            <span className="font-medium text-red-700">
              is on the {answer.countryName} register: no marketing texts will be sent to it.
            </span>
          ) : (
            <span className="text-emerald-700">
              is not on the {answer.countryName} register ({answer.registry.numberCount.toLocaleString()} numbers
              {answer.registry.lastRefreshedAt ? `, refreshed ${formatRelative(answer.registry.lastRefreshedAt)}` : ""}).
            </span>
          )}
        </p>
      )}
    </Card>
  );
}
