"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";

/** Names a new SMS template; the composer opens next, where the message itself is written. */
export function CreateSmsTemplateDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.smsTemplates.create.mutationOptions());
  const errors = create.error ? formErrors(create.error, ["name"]) : null;
  const close = () => {
    onClose();
    create.reset();
  };

  return (
    <Dialog open={open} onClose={close} title="New SMS template" description="Write the text once, with merge tags, and reuse it in campaigns and journeys.">
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const name = String(new FormData(event.currentTarget).get("name") ?? "");
          create.mutate({ name }, { onSuccess: (template) => onCreated(template.id) });
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="Name" error={errors?.fields.name}>
            {(control) => <Input {...control} name="name" placeholder="Flash sale" maxLength={200} autoFocus />}
          </Field>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Create and write
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
