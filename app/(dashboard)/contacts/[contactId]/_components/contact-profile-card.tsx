"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { formErrors } from "@/lib/trpc-errors";
import { AttributeFields, readAttributeFields, type AttributeDefinitionOption } from "../../_components/attribute-fields";
import { CONTACT_FIELDS, ContactFormFields, readContactFields, type ContactFieldValues } from "../../_components/contact-form-fields";
import type { CountryOption } from "../../_lib/form-options";

const profileKey = (contact: ContactFieldValues & { attributes: Record<string, unknown> }) =>
  JSON.stringify([contact.email, contact.phone, contact.firstName, contact.lastName, contact.timezone, contact.locale, contact.attributes]);

export function ContactProfileCard({
  contact,
  definitions,
  countries,
  timeZones,
  canEdit,
  onSaved,
}: {
  contact: ContactFieldValues & { id: string; attributes: Record<string, unknown> };
  definitions: AttributeDefinitionOption[];
  countries: CountryOption[];
  timeZones: string[];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const update = useMutation(trpc.contacts.update.mutationOptions());
  const [saved, setSaved] = useState(false);
  const known = [...CONTACT_FIELDS, ...definitions.map((d) => `attributes.${d.key}`)];
  const errors = update.error ? formErrors(update.error, known) : null;
  // Attributes stored before their definition was removed still show, read-only, so nothing is hidden.
  const orphans = Object.entries(contact.attributes).filter(([key]) => !definitions.some((d) => d.key === key));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const attributes = readAttributeFields(form, definitions, "update", contact.attributes);
    setSaved(false);
    update.mutate(
      { contactId: contact.id, ...readContactFields(form, "update"), attributes: Object.keys(attributes).length ? attributes : undefined },
      {
        onSuccess: () => {
          setSaved(true);
          onSaved();
        },
      },
    );
  };

  return (
    <Card>
      {/* Keyed by the stored values so the fields show what was saved (normalised) once the query refreshes. */}
      <Form key={profileKey(contact)} onSubmit={onSubmit} noValidate onChange={() => setSaved(false)}>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>Email addresses are stored lower-cased and phone numbers in international (E.164) form.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          {saved && <Alert tone="success">Contact saved.</Alert>}
          <ContactFormFields values={contact} errors={errors?.fields ?? {}} countries={countries} timeZones={timeZones} disabled={!canEdit} />
          {(definitions.length > 0 || orphans.length > 0) && (
            <fieldset className="space-y-3 border-t border-slate-100 pt-5">
              <legend className="sr-only">Attributes</legend>
              <h3 className="text-sm font-semibold text-slate-900">Attributes</h3>
              <AttributeFields definitions={definitions} values={contact.attributes} errors={errors?.fields ?? {}} disabled={!canEdit} />
              {orphans.length > 0 && (
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  {orphans.map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="font-mono text-slate-500">{key}</dt>
                      <dd className="text-slate-700">{JSON.stringify(value)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </fieldset>
          )}
        </CardContent>
        {canEdit && (
          <CardFooter>
            <Button type="submit" pending={update.isPending}>
              Save changes
            </Button>
          </CardFooter>
        )}
      </Form>
    </Card>
  );
}
