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
import type { SuppressionReason } from "@/server/domain/suppressions/suppression-entry";
import { CountrySelect } from "./country-select";
import { REASON_LABELS, REASONS, type CountryOption } from "./suppression-labels";

export function AddSuppressionDialog({
  open,
  onClose,
  countries,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  countries: CountryOption[];
  onAdded: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.suppressions.create.mutationOptions());
  const [missingValue, setMissingValue] = useState(false);
  const errors = create.error ? formErrors(create.error, ["value", "note", "defaultCountry"]) : null;

  const close = () => {
    onClose();
    setMissingValue(false);
    create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = String(form.get("value") ?? "").trim();
    setMissingValue(!value);
    if (!value) return;
    create.mutate(
      {
        value,
        reason: String(form.get("reason")) as SuppressionReason,
        note: String(form.get("note") ?? "").trim() || null,
        defaultCountry: String(form.get("defaultCountry") ?? "") || null,
      },
      {
        onSuccess: () => {
          onAdded();
          close();
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={close} title="Suppress an address, domain or number" description="Nothing will be sent to it until you remove it here.">
      <Form onSubmit={onSubmit} noValidate>
        {/* Form wraps its children in a display:contents fieldset, so spacing goes on this div. */}
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field
            label="Email, domain or phone number"
            hint="jane@example.com, @example.com for a whole domain, or +852 9123 4567"
            error={missingValue ? "Enter what to suppress" : errors?.fields.value}
          >
            {(control) => <Input {...control} name="value" autoFocus autoComplete="off" spellCheck={false} maxLength={320} />}
          </Field>
          <Field label="Reason">
            {(control) => (
              <Select {...control} name="reason" defaultValue="manual">
                {REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {REASON_LABELS[reason]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Numbers without a country code are in" error={errors?.fields.defaultCountry}>
            {(control) => <CountrySelect {...control} name="defaultCountry" countries={countries} defaultValue="" />}
          </Field>
          <Field label="Note" hint="Optional: why, for whoever reads this later." error={errors?.fields.note}>
            {(control) => <Input {...control} name="note" maxLength={500} />}
          </Field>
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending}>
              Suppress
            </Button>
          </DialogActions>
        </div>
      </Form>
    </Dialog>
  );
}
