"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import type { ScopeOption } from "./api-keys-settings";
import { Form } from "@/components/ui/form";

type Created = { name: string; secret: string };

function ScopeCheckbox({ option }: { option: ScopeOption }) {
  const id = useId();
  return (
    <div className="flex gap-3 px-3 py-2 hover:bg-slate-50">
      <input
        id={id}
        type="checkbox"
        name="scopes"
        value={option.scope}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="block font-mono text-sm font-medium text-slate-900">
          {option.scope}
        </label>
        <p id={`${id}-description`} className="text-sm text-slate-500">
          {option.description}
        </p>
      </div>
    </div>
  );
}

/** Two steps in one dialog: choose name and scopes, then see the secret, once. */
export function CreateApiKeyDialog({
  open,
  onClose,
  scopes,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  scopes: ScopeOption[];
  onCreated: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const [created, setCreated] = useState<Created | null>(null);
  const [localErrors, setLocalErrors] = useState<{ name?: string; scopes?: string }>({});
  const scopesErrorId = useId();
  const serverErrors = create.error ? formErrors(create.error, ["name", "scopes"]) : null;
  const nameError = localErrors.name ?? serverErrors?.fields.name;
  const scopesError = localErrors.scopes ?? serverErrors?.fields.scopes;

  const close = () => {
    onClose();
    // After the dialog has gone: the secret must not be there the next time it opens.
    setCreated(null);
    setLocalErrors({});
    create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const chosen = form.getAll("scopes").map(String) as ApiScope[];
    const problems = {
      name: name ? undefined : "Give the key a name, such as the app that will use it",
      scopes: chosen.length ? undefined : "Choose at least one scope",
    };
    setLocalErrors(problems);
    if (problems.name || problems.scopes) return;
    create.mutate(
      { name, scopes: chosen },
      {
        onSuccess: ({ apiKey, secret }) => {
          setCreated({ name: apiKey.name, secret });
          onCreated();
        },
      },
    );
  };

  if (created) {
    return (
      <Dialog open={open} onClose={close} title="Copy your new API key" description={`“${created.name}” is ready to use.`}>
        <Alert tone="warning" title="This is the only time the key is shown">
          Herald stores only a hash of it. Copy it now and keep it somewhere safe, such as your app’s secret store. If you lose
          it, revoke it and create a new one.
        </Alert>
        <div className="mt-4 space-y-2">
          <p className="text-sm font-medium text-slate-800">API key</p>
          <div className="flex items-center gap-2">
            <code
              data-testid="api-key-secret"
              className="block min-w-0 flex-1 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 font-mono text-sm break-all text-slate-900 select-all"
            >
              {created.secret}
            </code>
            <CopyButton value={created.secret} label="Copy key" size="md" />
          </div>
        </div>
        <DialogActions>
          <Button onClick={close}>Done</Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create an API key"
      description="The key can do only what its scopes allow, and never manage members or other keys."
    >
      <Form onSubmit={onSubmit} noValidate className="space-y-5">
        {serverErrors?.form && <Alert tone="error">{serverErrors.form}</Alert>}
        <Field label="Key name" hint="Name it after the app or service that will use it." error={nameError}>
          {(control) => <Input {...control} name="name" placeholder="Website sign-up form" maxLength={80} autoFocus />}
        </Field>
        <fieldset aria-describedby={scopesError ? scopesErrorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          <div className="mt-1.5 divide-y divide-slate-100 rounded-lg border border-slate-200">
            {scopes.map((option) => (
              <ScopeCheckbox key={option.scope} option={option} />
            ))}
          </div>
          <FieldError id={scopesErrorId}>{scopesError}</FieldError>
        </fieldset>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Create key
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
