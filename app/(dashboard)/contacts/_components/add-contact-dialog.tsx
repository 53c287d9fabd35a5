"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Select } from "@/components/ui/select";
import { formErrors } from "@/lib/trpc-errors";
import type { ConsentStatus } from "@/server/domain/contacts/contact-fields";
import type { CountryOption } from "../_lib/form-options";
import { AttributeFields, readAttributeFields, type AttributeDefinitionOption } from "./attribute-fields";
import { CONSENT_LABELS } from "./consent-badge";
import { CONTACT_FIELDS, ContactFormFields, readContactFields } from "./contact-form-fields";

const INITIAL_CONSENT: ConsentStatus[] = ["subscribed", "pending", "unsubscribed"];

function ConsentSelect({ name, label, error }: { name: string; label: string; error?: string }) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <Select {...control} name={name} defaultValue="">
          <option value="">Not recorded</option>
          {INITIAL_CONSENT.map((status) => (
            <option key={status} value={status}>
              {CONSENT_LABELS[status]}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function AddContactDialog({
  open,
  onClose,
  onCreated,
  countries,
  timeZones,
  definitions,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (contact: { id: string }) => void;
  countries: CountryOption[];
  timeZones: string[];
  definitions: AttributeDefinitionOption[];
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.contacts.create.mutationOptions());
  const known = [...CONTACT_FIELDS, "emailStatus", "smsStatus", ...definitions.map((d) => `attributes.${d.key}`)];
  const errors = create.error ? formErrors(create.error, known) : null;

  const contentRef = useRef<HTMLDivElement>(null);
  // Show the first problem: the dialog scrolls, and the field in error may be out of view.
  useEffect(() => {
    if (!create.error) return;
    const invalid = contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else contentRef.current?.scrollIntoView({ block: "start" });
  }, [create.error]);

  const close = () => {
    onClose();
    create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = (name: string) => (String(form.get(name) ?? "") || undefined) as ConsentStatus | undefined;
    const attributes = readAttributeFields(form, definitions, "create");
    create.mutate(
      {
        ...readContactFields(form, "create"),
        emailStatus: status("emailStatus"),
        smsStatus: status("smsStatus"),
        attributes: Object.keys(attributes).length ? attributes : undefined,
      },
      {
        onSuccess: (contact) => {
          create.reset();
          onCreated(contact);
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add a contact"
      description="An email address or a phone number is enough; everything else can come later."
      className="max-w-2xl!"
    >
      <Form onSubmit={onSubmit} noValidate>
        {/* Form wraps its children in a display:contents fieldset, so spacing goes on this div. */}
        <div ref={contentRef} className="space-y-6">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <ContactFormFields errors={errors?.fields ?? {}} countries={countries} timeZones={timeZones} />
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold text-slate-900">Consent</legend>
            <p className="text-sm text-slate-500">Record only what the person agreed to; it is kept in their consent history as added by hand.</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <ConsentSelect name="emailStatus" label="Email marketing" error={errors?.fields.emailStatus} />
              <ConsentSelect name="smsStatus" label="SMS marketing" error={errors?.fields.smsStatus} />
            </div>
          </fieldset>
          {definitions.length > 0 && (
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold text-slate-900">Attributes</legend>
              <AttributeFields definitions={definitions} errors={errors?.fields ?? {}} />
            </fieldset>
          )}
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending}>
              Add contact
            </Button>
          </DialogActions>
        </div>
      </Form>
    </Dialog>
  );
}
