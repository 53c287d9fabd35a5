"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";

/** Adding a domain makes its DKIM key at once; the records to publish open straight after. */
export function AddDomainForm({ onAdded }: { onAdded: (domainId: string) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.sendingDomains.create.mutationOptions());
  const errors = create.error ? formErrors(create.error, ["domain"]) : null;
  return (
    <Form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        create.mutate(
          { domain: String(new FormData(form).get("domain") ?? "") },
          {
            onSuccess: (domain) => {
              form.reset();
              onAdded(domain.id);
            },
          },
        );
      }}
    >
      {errors?.form && <Alert tone="error">{errors.form}</Alert>}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="Domain"
          className="flex-1"
          error={errors?.fields.domain}
          hint="The part after the @ in your From address, such as acme.com or mail.acme.com."
        >
          {(control) => <Input {...control} name="domain" placeholder="mail.acme.com" autoComplete="off" spellCheck={false} />}
        </Field>
        <Button type="submit" className="sm:mt-6" pending={create.isPending}>
          Add domain
        </Button>
      </div>
    </Form>
  );
}
