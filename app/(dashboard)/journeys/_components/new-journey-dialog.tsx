"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { formErrors } from "@/lib/trpc-errors";

const BLANK = "";

/** A blank journey, or an editable copy of a pre-built one (welcome series, abandoned cart...). */
export function NewJourneyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.journeys.templates.queryOptions(), enabled: open });
  const create = useMutation(trpc.journeys.create.mutationOptions());
  const [templateKey, setTemplateKey] = useState(BLANK);
  const [name, setName] = useState("");
  const errors = create.error ? formErrors(create.error, ["name", "templateKey"]) : null;
  const close = () => {
    create.reset();
    setTemplateKey(BLANK);
    setName("");
    onClose();
  };
  const choices = [{ key: BLANK, name: "Blank journey", description: "Start from an empty canvas.", nodeCount: 0 }, ...(templates.data ?? [])];

  return (
    <Dialog open={open} onClose={close} title="New journey" description="Start blank, or from a pre-built journey you can change." className="max-w-2xl">
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = choices.find((c) => c.key === templateKey);
          create.mutate(
            { name: name.trim() || (chosen && chosen.key !== BLANK ? chosen.name : "Untitled journey"), ...(templateKey ? { templateKey } : {}) },
            { onSuccess: (journey) => onCreated(journey.id) },
          );
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">Start from</legend>
            {templates.isLoading ? (
              <Skeleton className="h-32 w-full" />
            ) : (
              <div role="radiogroup" aria-label="Start from" className="grid gap-2 sm:grid-cols-2">
                {choices.map((choice) => (
                  <label
                    key={choice.key || "blank"}
                    className={cn(
                      "flex cursor-pointer flex-col gap-0.5 rounded-lg border px-3 py-2.5 text-sm",
                      templateKey === choice.key ? "border-brand-500 bg-brand-50/60 ring-2 ring-brand-200" : "border-slate-200 hover:border-slate-300",
                    )}
                  >
                    <span className="flex items-center gap-2 font-medium text-slate-900">
                      <input type="radio" name="template" className="size-4" checked={templateKey === choice.key} onChange={() => setTemplateKey(choice.key)} />
                      {choice.name}
                    </span>
                    <span className="text-slate-500">{choice.description}</span>
                    {choice.nodeCount > 0 && <span className="text-xs text-slate-400">{choice.nodeCount} steps</span>}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <Field label="Name" error={errors?.fields.name} hint="Optional for a pre-built journey: it keeps its own name.">
            {(control) => <Input {...control} name="name" value={name} onChange={(event) => setName(event.target.value)} placeholder="Welcome series" maxLength={200} />}
          </Field>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Create journey
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
