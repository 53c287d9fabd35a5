"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc-errors";
import type { PickedContact } from "@/components/content/contact-picker";

/** Sends the saved template to a few addresses, personalised as the previewed contact. */
export function SendTestDialog({
  open,
  onClose,
  templateId,
  contact,
  defaultTo,
  unsaved,
}: {
  open: boolean;
  onClose: () => void;
  templateId: string;
  contact: PickedContact | null;
  defaultTo: string;
  unsaved: boolean;
}) {
  const trpc = useTRPC();
  const send = useMutation(trpc.emailTemplates.sendTest.mutationOptions());
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Send a test" description={`Personalised as ${contact?.label ?? "the sample person"}. The subject starts with [Test].`}>
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const to = String(new FormData(event.currentTarget).get("to") ?? "")
            .split(/[\s,;]+/)
            .filter(Boolean);
          send.mutate({ templateId, to, contactId: contact?.id ?? null });
        }}
      >
        <div className="space-y-4">
          {unsaved && <Alert tone="warning">The test uses the last saved version; save first to include your latest changes.</Alert>}
          {send.isSuccess ? (
            <Alert tone="success">
              Test queued for {send.data.queued} {send.data.queued === 1 ? "address" : "addresses"}. It will appear in the{" "}
              <Link className="underline" href="/outbox">
                Outbox
              </Link>{" "}
              in a few seconds.
            </Alert>
          ) : (
            send.error && <Alert tone="error">{errorMessage(send.error)}</Alert>
          )}
          <Field label="Send to" hint="Up to 10 addresses, separated by commas.">
            {(control) => <Input {...control} name="to" defaultValue={defaultTo} autoFocus />}
          </Field>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" pending={send.isPending}>
            Send test
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
