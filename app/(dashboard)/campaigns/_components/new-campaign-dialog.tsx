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

/** A campaign starts as a named draft; everything else is chosen on its own page. */
export function NewCampaignDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.campaigns.create.mutationOptions());
  const errors = create.error ? formErrors(create.error, ["name"]) : null;
  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title="New campaign" description="Name it for yourself; recipients see the template's subject, not this.">
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const name = String(new FormData(event.currentTarget).get("name") ?? "");
          create.mutate({ name, channels: ["email"] }, { onSuccess: (campaign) => onCreated(campaign.id) });
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="Name" error={errors?.fields.name}>
            {(control) => <Input {...control} name="name" placeholder="Spring sale" maxLength={200} autoFocus />}
          </Field>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Create draft
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
