"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/** The SMS template picker; each number goes out through the route for its market, whatever the template's own route. */
export function SmsTemplateField({ value, onChange, disabled, error }: { value: string; onChange: (id: string) => void; disabled: boolean; error?: string }) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.smsTemplates.list.queryOptions({ archived: false }));
  const selected = templates.data?.find((t) => t.id === value);
  return (
    <Field
      label="SMS template"
      error={error}
      hint={selected ? `${selected.body.slice(0, 80)}${selected.body.length > 80 ? "…" : ""}` : "Sent through each number's route (Settings → SMS routes)."}
      labelAside={
        <Link href={value ? `/templates/sms/${value}` : "/templates"} className="text-sm font-medium text-brand-700 hover:underline">
          {value ? "Edit template" : "Templates"}
        </Link>
      }
    >
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
          <option value="">Choose an SMS template…</option>
          {templates.data?.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
