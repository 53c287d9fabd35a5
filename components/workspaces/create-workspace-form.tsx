"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";
import { openWorkspace } from "@/lib/workspace-cookie";
import { Form } from "@/components/ui/form";

/** Creates a workspace (the creator becomes its owner) and opens it. Used by onboarding and the switcher. */
export function CreateWorkspaceForm({ secondaryAction }: { secondaryAction?: ReactNode }) {
  const trpc = useTRPC();
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(trpc.workspaces.create.mutationOptions());
  const [opening, setOpening] = useState(false);
  const errors = create.error ? formErrors(create.error, ["name"]) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (name.length < 2) {
      setNameError("Workspace name must be at least 2 characters");
      return;
    }
    setNameError(null);
    create.mutate(
      { name },
      {
        onSuccess: (workspace) => {
          setOpening(true);
          openWorkspace(workspace.id, "/contacts");
        },
      },
    );
  };

  return (
    <Form onSubmit={onSubmit} noValidate className="space-y-5">
      {errors?.form && <Alert tone="error">{errors.form}</Alert>}
      <Field
        label="Workspace name"
        hint="Usually your company or brand. You can rename it later."
        error={nameError ?? errors?.fields.name}
      >
        {(control) => <Input {...control} name="name" autoComplete="organization" placeholder="Acme Marketing" maxLength={80} autoFocus />}
      </Field>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {secondaryAction}
        <Button type="submit" pending={create.isPending || opening}>
          Create workspace
        </Button>
      </div>
    </Form>
  );
}
