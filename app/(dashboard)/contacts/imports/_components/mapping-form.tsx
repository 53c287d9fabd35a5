"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { fieldErrors as readFieldErrors, errorMessage } from "@/lib/trpc-errors";
import type { ImportDetail } from "@/server/domain/imports/get-import";
import type { ColumnTarget } from "@/server/domain/imports/import-mapping";

export type CountryOption = { code: string; name: string; callingCode: string };

// Mirrors CONTACT_FIELD_LABELS and ATTRIBUTE_TYPES on the server (client code imports types only).
const FIELDS = [
  ["email", "Email"],
  ["phone", "Phone"],
  ["first_name", "First name"],
  ["last_name", "Last name"],
  ["timezone", "Time zone"],
  ["locale", "Locale"],
  ["email_status", "Email consent"],
  ["sms_status", "SMS consent"],
] as const;
const ATTRIBUTE_TYPES = [
  ["text", "Text"],
  ["number", "Number"],
  ["boolean", "Yes / no"],
  ["date", "Date"],
  ["list", "List of values"],
] as const;

const POLICIES = [
  {
    value: "add_only",
    title: "Add new contacts only",
    description: "Contacts already in Herald (same email, or same phone) are left exactly as they are and counted as skipped.",
  },
  {
    value: "update_existing",
    title: "Add new and update existing",
    description:
      "Existing contacts get the values of the columns you import; empty cells and columns you skip keep what is there, and attributes are merged. Nobody who unsubscribed is subscribed again.",
  },
  {
    value: "overwrite",
    title: "Add new and overwrite existing",
    description:
      "Existing contacts get exactly what the file says for the columns you import, empty cells included, and their attributes are replaced by the file's. Unsubscribed contacts and list members can be subscribed again.",
  },
] as const;
type Policy = (typeof POLICIES)[number]["value"];

type Choice = { target: ColumnTarget; newKey: string; newType: (typeof ATTRIBUTE_TYPES)[number][0] };

const keyFromHeader = (header: string) =>
  header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 63) || "attribute";

const selectValue = (target: ColumnTarget) =>
  target.kind === "field" ? `field:${target.field}` : target.kind === "attribute" ? `attribute:${target.key}` : target.kind === "new_attribute" ? "new" : "ignore";

/** The first few non-empty values of a column, for recognising what it holds. */
const samplesOf = (rows: string[][], index: number) =>
  rows
    .map((row) => row[index]?.trim() ?? "")
    .filter(Boolean)
    .slice(0, 3);

/**
 * Step 2: what each column becomes (guessed from the headers, editable), where the contacts go, and
 * what happens to contacts already here. Start saves the mapping and queues the import.
 */
export function MappingForm({ detail, countries, onStarted }: { detail: ImportDetail; countries: CountryOption[]; onStarted: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const attributes = useQuery(trpc.attributes.list.queryOptions());
  const lists = useQuery(trpc.lists.list.queryOptions());

  const initial = useMemo(
    () =>
      detail.columns.map((header, index): Choice => {
        const target = detail.mapping?.columns[index] ?? { kind: "ignore" };
        return target.kind === "new_attribute"
          ? { target, newKey: target.key, newType: target.type }
          : { target, newKey: keyFromHeader(header), newType: "text" };
      }),
    [detail],
  );
  const [choices, setChoices] = useState<Choice[]>(initial);
  useEffect(() => setChoices(initial), [initial]);
  const [policy, setPolicy] = useState<Policy>(detail.policy);
  const [listId, setListId] = useState<string>(detail.listId ?? "");
  const [country, setCountry] = useState<string>(detail.mapping?.defaultCountry ?? "");

  const start = useMutation({
    mutationFn: async () => {
      const columns = choices.map(({ target, newKey, newType }): ColumnTarget =>
        target.kind === "new_attribute" ? { kind: "new_attribute", key: newKey.trim(), type: newType } : target,
      );
      // Two steps, one click: save the mapping (every problem comes back by column), then queue the import.
      await client.imports.configure.mutate({ importId: detail.id, columns, policy, listId: listId || null, defaultCountry: country || null });
      return client.imports.start.mutate({ importId: detail.id });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() });
      onStarted();
    },
  });

  const errors = readFieldErrors(start.error);
  const rows = detail.preview?.rows ?? [];
  const mapsContactKey = choices.some(({ target }) => target.kind === "field" && (target.field === "email" || target.field === "phone"));
  const mapsPhone = choices.some(({ target }) => target.kind === "field" && target.field === "phone");
  const update = (index: number, change: Partial<Choice>) => setChoices((all) => all.map((choice, i) => (i === index ? { ...choice, ...change } : choice)));

  const onSelect = (index: number, value: string) => {
    if (value === "ignore") update(index, { target: { kind: "ignore" } });
    else if (value === "new") update(index, { target: { kind: "new_attribute", key: choices[index]!.newKey, type: choices[index]!.newType } });
    else if (value.startsWith("field:")) update(index, { target: { kind: "field", field: value.slice(6) as (typeof FIELDS)[number][0] } });
    else update(index, { target: { kind: "attribute", key: value.slice(10) } });
  };

  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Match the columns</CardTitle>
          <CardDescription>
            {detail.columns.length} columns found in <span className="font-medium text-slate-700">{detail.filename}</span>. Herald guessed from the headers;
            change anything that is wrong, and skip columns you do not need.
          </CardDescription>
        </CardHeader>
        <Table aria-label="Column mapping">
          <TableHead>
            <tr>
              <TableHeaderCell>Column</TableHeaderCell>
              <TableHeaderCell>Sample values</TableHeaderCell>
              <TableHeaderCell className="w-[26rem]">Import as</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {detail.columns.map((header, index) => {
              const choice = choices[index]!;
              const error = errors[`columns.${index}`] ?? errors[`columns.${index}.key`];
              return (
                <TableRow key={index} className={cn(choice.target.kind === "ignore" && "bg-slate-50/60")}>
                  <TableCell className="align-top font-medium text-slate-900">{header}</TableCell>
                  <TableCell className="max-w-64 align-top">
                    {samplesOf(rows, index).length ? (
                      <ul className="space-y-0.5 text-slate-600">
                        {samplesOf(rows, index).map((value, i) => (
                          <li key={i} className="truncate" title={value}>
                            {value}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-400">empty in the first rows</span>
                    )}
                  </TableCell>
                  <TableCell className="min-w-80 space-y-2 align-top">
                    <Select
                      aria-label={`Import column ${header} as`}
                      value={selectValue(choice.target)}
                      onChange={(event) => onSelect(index, event.target.value)}
                      aria-invalid={error ? true : undefined}
                    >
                      <option value="ignore">Don’t import</option>
                      <optgroup label="Contact fields">
                        {FIELDS.map(([field, label]) => (
                          <option key={field} value={`field:${field}`}>
                            {label}
                          </option>
                        ))}
                      </optgroup>
                      {attributes.data?.length ? (
                        <optgroup label="Attributes">
                          {attributes.data.map((attribute) => (
                            <option key={attribute.key} value={`attribute:${attribute.key}`}>
                              {attribute.label} ({attribute.key})
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      <option value="new">New attribute…</option>
                    </Select>
                    {choice.target.kind === "new_attribute" && (
                      <div className="flex gap-2">
                        <Input
                          aria-label={`Key of the new attribute for ${header}`}
                          value={choice.newKey}
                          onChange={(event) => update(index, { newKey: event.target.value, target: { ...choice.target, key: event.target.value } as ColumnTarget })}
                          className="h-10 min-w-0 flex-1 font-mono text-xs"
                        />
                        <Select
                          aria-label={`Type of the new attribute for ${header}`}
                          value={choice.newType}
                          onChange={(event) => {
                            const type = event.target.value as Choice["newType"];
                            update(index, { newType: type, target: { ...choice.target, type } as ColumnTarget });
                          }}
                          className="w-36 shrink-0"
                        >
                          {ATTRIBUTE_TYPES.map(([type, label]) => (
                            <option key={type} value={type}>
                              {label}
                            </option>
                          ))}
                        </Select>
                      </div>
                    )}
                    <FieldError>{error}</FieldError>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {(errors.columns || !mapsContactKey) && (
          <div className="border-t border-slate-100 px-5 py-3 sm:px-6">
            <Alert tone={errors.columns ? "error" : "warning"}>{errors.columns ?? "Map a column to Email or Phone: every contact needs one of them."}</Alert>
          </div>
        )}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Where they go</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor="import-list">Add everyone to a list</Label>
            <Select id="import-list" value={listId} onChange={(event) => setListId(event.target.value)}>
              <option value="">No list</option>
              {lists.data?.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </Select>
            <FieldError>{errors.listId}</FieldError>
            <p className="text-xs text-slate-500">New and existing contacts from the file both join it.</p>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="import-country">Phone numbers without a country code are from</Label>
            <Select id="import-country" value={country} onChange={(event) => setCountry(event.target.value)} disabled={!mapsPhone}>
              <option value="">Only accept +country numbers</option>
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name} (+{option.callingCode})
                </option>
              ))}
            </Select>
            <FieldError>{errors.defaultCountry}</FieldError>
            <p className="text-xs text-slate-500">Numbers written as +852 9123 4567 are read as they are.</p>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Contacts already in Herald</CardTitle>
          <CardDescription>Rows are matched to existing contacts by email first, then by phone.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="space-y-3">
            <legend className="sr-only">Update policy</legend>
            {POLICIES.map((option) => (
              <label
                key={option.value}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-lg border p-3.5 transition-colors",
                  policy === option.value ? "border-brand-500 bg-brand-50/40 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300",
                )}
              >
                <input
                  type="radio"
                  name="policy"
                  value={option.value}
                  checked={policy === option.value}
                  onChange={() => setPolicy(option.value)}
                  className="mt-0.5 size-4 accent-brand-600"
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{option.title}</span>
                  <span className="mt-0.5 block text-sm text-slate-500">{option.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </CardContent>
        <CardFooter>
          {start.error && !Object.keys(errors).length && <p className="mr-auto text-sm text-red-600">{errorMessage(start.error)}</p>}
          <Button type="submit" pending={start.isPending} disabled={!mapsContactKey}>
            Start import
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
