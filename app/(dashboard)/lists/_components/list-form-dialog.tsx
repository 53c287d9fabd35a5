"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { controlClasses, Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";

type ListValues = { id: string; name: string; description: string | null };

/** Creates a list, or (given `list`) renames and describes it. */
export function ListFormDialog({
  open,
  onClose,
  onSaved,
  list,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (list: { id: string }) => void;
  list?: ListValues;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.lists.create.mutationOptions());
  const update = useMutation(trpc.lists.update.mutationOptions());
  const mutation = list ? update : create;
  const errors = mutation.error ? formErrors(mutation.error, ["name", "description"]) : null;

  const close = () => {
    onClose();
    create.reset();
    update.reset();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={list ? "Edit list" : "Create a list"}
      description={list ? undefined : "A list is a group of contacts who subscribed to the same thing, such as a newsletter."}
    >
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const name = String(form.get("name") ?? "");
          const description = String(form.get("description") ?? "").trim() || null;
          const onSuccess = (saved: { id: string }) => {
            create.reset();
            update.reset();
            onSaved(saved);
          };
          if (list) update.mutate({ listId: list.id, name, description }, { onSuccess });
          else create.mutate({ name, description }, { onSuccess });
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="Name" error={errors?.fields.name}>
            {(control) => <Input {...control} name="name" defaultValue={list?.name} placeholder="Newsletter" maxLength={100} autoFocus />}
          </Field>
          <Field label="Description" hint="Optional: what people on this list signed up for." error={errors?.fields.description}>
            {(control) => (
              <textarea
                {...control}
                name="description"
                defaultValue={list?.description ?? ""}
                maxLength={500}
                rows={3}
                className={`${controlClasses} py-2`}
              />
            )}
          </Field>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={mutation.isPending}>
            {list ? "Save" : "Create list"}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
