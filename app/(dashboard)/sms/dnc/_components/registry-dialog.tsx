"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formErrors } from "@/lib/trpc-errors";
import { INTERVALS, intervalLabel, type CountryOption, type DncRegistry } from "./dnc-types";

const FIELDS = ["country", "name", "sourceUrl", "refreshIntervalHours"];

/** Add a register (country fixed from then on) or change its name, source and schedule. */
export function RegistryDialog({
  registry,
  open,
  onClose,
  countries,
  onSaved,
}: {
  registry: DncRegistry | null;
  open: boolean;
  onClose: () => void;
  countries: CountryOption[];
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.dnc.create.mutationOptions());
  const update = useMutation(trpc.dnc.update.mutationOptions());
  const save = registry ? update : create;
  const [chosenCountry, setCountry] = useState<string | null>(null);
  const country = chosenCountry ?? countries[0]?.code ?? "HK";
  const [name, setName] = useState<string | null>(null);
  const errors = save.error ? formErrors(save.error, FIELDS) : null;
  const countryName = countries.find((option) => option.code === country)?.name ?? country;
  const intervals = registry && !INTERVALS.some((option) => option.hours === registry.refreshIntervalHours)
    ? [...INTERVALS, { hours: registry.refreshIntervalHours, label: intervalLabel(registry.refreshIntervalHours) }]
    : INTERVALS;

  const close = () => {
    onClose();
    setName(null);
    setCountry(null);
    create.reset();
    update.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const interval = String(form.get("refreshIntervalHours") ?? "");
    const fields = {
      name: String(form.get("name") ?? "").trim(),
      sourceUrl: String(form.get("sourceUrl") ?? "").trim() || null,
      refreshIntervalHours: interval ? Number(interval) : null,
    };
    const done = { onSuccess: () => (onSaved(), close()) };
    if (registry) update.mutate({ registryId: registry.id, ...fields }, done);
    else create.mutate({ country, ...fields }, done);
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={registry ? `Edit the ${registry.countryName} register` : "Add a Do-Not-Call register"}
      description={registry ? undefined : "One per country. Numbers in it never get marketing texts from this workspace."}
    >
      <Form onSubmit={onSubmit} noValidate key={registry?.id ?? "new"}>
        {/* Form wraps its children in a display:contents fieldset, so spacing goes on this div. */}
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          {!registry && (
            <Field label="Country" hint="Numbers are read as this country's, and the list applies to contacts with numbers from it." error={errors?.fields.country}>
              {(control) => (
                <Select {...control} name="country" value={country} onChange={(event) => setCountry(event.target.value)}>
                  {countries.map((option) => (
                    <option key={option.code} value={option.code}>
                      {option.name} ({option.callingCode})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          <Field label="Name" error={errors?.fields.name}>
            {(control) => (
              <Input
                {...control}
                name="name"
                value={name ?? registry?.name ?? `${countryName} Do-Not-Call register`}
                onChange={(event) => setName(event.target.value)}
                maxLength={120}
              />
            )}
          </Field>
          <Field
            label="Source URL"
            hint="Optional. Where to download the list (one number per line, or a CSV with the number first). Leave empty to upload files yourself."
            error={errors?.fields.sourceUrl}
          >
            {(control) => (
              <Input {...control} name="sourceUrl" type="url" defaultValue={registry?.sourceUrl ?? ""} placeholder="https://…" spellCheck={false} />
            )}
          </Field>
          <Field label="Refresh from the URL" error={errors?.fields.refreshIntervalHours}>
            {(control) => (
              <Select {...control} name="refreshIntervalHours" defaultValue={String(registry?.refreshIntervalHours ?? "")}>
                {intervals.map((option) => (
                  <option key={option.label} value={option.hours ?? ""}>
                    {option.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={save.isPending}>
              {registry ? "Save" : "Add register"}
            </Button>
          </DialogActions>
        </div>
      </Form>
    </Dialog>
  );
}
