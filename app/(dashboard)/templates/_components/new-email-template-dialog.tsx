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
import { cn } from "@/lib/cn";
import { formErrors } from "@/lib/trpc-errors";
import { EmailPreviewFrame } from "./email-preview-frame";

type Editor = "visual" | "code" | "rich_text";

const EDITORS: { value: Editor; title: string; description: string }[] = [
  { value: "visual", title: "Visual builder", description: "Drag sections, columns, images and buttons; responsive on every screen." },
  { value: "code", title: "MJML or HTML code", description: "Write the markup yourself with a live preview." },
  { value: "rich_text", title: "Simple letter", description: "Rich text, like writing an email from your own mailbox." },
];

/** New template: a name, an editor, and a blank page or one of the starter designs. */
export function NewEmailTemplateDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const starters = useQuery({ ...trpc.emailTemplates.starters.queryOptions(), enabled: open, staleTime: Infinity });
  const create = useMutation(trpc.emailTemplates.create.mutationOptions());
  const [editor, setEditor] = useState<Editor>("visual");
  const [starterKey, setStarterKey] = useState<string | null>(null);
  const errors = create.error ? formErrors(create.error, ["name"]) : null;

  return (
    <Dialog open={open} onClose={onClose} title="New email template" className="max-w-4xl">
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const name = String(new FormData(event.currentTarget).get("name") ?? "");
          create.mutate(
            { name, editor: starterKey && editor === "rich_text" ? "visual" : editor, starterKey: starterKey ?? undefined },
            { onSuccess: (created) => onCreated(created.id) },
          );
        }}
      >
        <div className="space-y-5">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="Name" error={errors?.fields.name}>
            {(control) => <Input {...control} name="name" placeholder="Monthly newsletter" maxLength={200} autoFocus />}
          </Field>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-900">Editor</legend>
            <div className="grid gap-3 sm:grid-cols-3">
              {EDITORS.map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    "cursor-pointer rounded-lg border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                    editor === option.value ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300",
                    option.value === "rich_text" && starterKey && "opacity-50",
                  )}
                >
                  <input
                    type="radio"
                    name="editor"
                    value={option.value}
                    className="sr-only"
                    checked={editor === option.value}
                    disabled={option.value === "rich_text" && starterKey !== null}
                    onChange={() => setEditor(option.value)}
                  />
                  <span className="block font-medium text-slate-900">{option.title}</span>
                  <span className="mt-1 block text-slate-600">{option.description}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {editor !== "rich_text" && (
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-900">Start from</legend>
              <div className="grid max-h-[22rem] gap-3 overflow-y-auto sm:grid-cols-3">
                <StarterCard selected={starterKey === null} onSelect={() => setStarterKey(null)} name="Blank" description="A greeting and a compliant footer." />
                {starters.data?.map((starter) => (
                  <StarterCard
                    key={starter.key}
                    selected={starterKey === starter.key}
                    onSelect={() => setStarterKey(starter.key)}
                    name={starter.name}
                    description={starter.description}
                    html={starter.previewHtml}
                  />
                ))}
              </div>
              {starters.isLoading && <p className="mt-2 text-sm text-slate-500">Loading designs…</p>}
            </fieldset>
          )}
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Create template
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}

function StarterCard({ name, description, html, selected, onSelect }: { name: string; description: string; html?: string; selected: boolean; onSelect: () => void }) {
  return (
    <label
      className={cn(
        "flex cursor-pointer flex-col overflow-hidden rounded-lg border text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
        selected ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300",
      )}
    >
      <input type="radio" name="starter" className="sr-only" checked={selected} onChange={onSelect} aria-label={`Start from ${name}`} />
      <div className="h-40 bg-slate-100">
        {html ? <EmailPreviewFrame html={html} title={`${name} design`} scale={0.35} className="h-40 w-full" /> : <div className="grid h-full place-items-center text-slate-400">Blank</div>}
      </div>
      <span className="border-t border-slate-200 px-3 py-2">
        <span className="block font-medium text-slate-900">{name}</span>
        <span className="block truncate text-slate-500">{description}</span>
      </span>
    </label>
  );
}
