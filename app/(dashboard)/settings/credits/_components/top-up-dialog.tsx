"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";

const FIELDS = ["amount", "note"] as const;

/** Adds credits the workspace paid for; the note (an invoice number, say) goes in the ledger. */
export function TopUpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const topUp = useMutation(trpc.credits.topUp.mutationOptions());
  const errors = topUp.error ? formErrors(topUp.error, FIELDS) : null;

  return (
    <Dialog open={open} onClose={onClose} title="Top up credits" description="Credits pay for sending: each email, and each text message's segments.">
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const amountText = String(form.get("amount") ?? "").trim();
          topUp.mutate(
            // An empty box is sent as NaN so the server says what is missing, beside the field.
            { amount: amountText === "" ? Number.NaN : Number(amountText), note: String(form.get("note") ?? "") },
            {
              onSuccess: async () => {
                onClose();
                // The balance, the ledger and the top bar's figure all change.
                await queryClient.invalidateQueries({ queryKey: trpc.credits.pathKey() });
              },
            },
          );
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="Credits to add" hint="Up to 10,000,000 at a time, with at most 4 decimals." error={errors?.fields.amount}>
            {(control) => (
              <Input {...control} name="amount" type="number" inputMode="decimal" min={0} step="0.0001" placeholder="500" autoFocus />
            )}
          </Field>
          <Field label="Note" hint="Optional: an invoice or order number, for the ledger." error={errors?.fields.note}>
            {(control) => <Input {...control} name="note" maxLength={500} placeholder="Invoice 2026-042" />}
          </Field>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={topUp.isPending}>
            Add credits
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
