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
import type { SmsRoute } from "@/server/domain/content/sms/list-sms-routes";

const FIELDS = ["to", "text"] as const;

/** Submits one real message through the route's provider and says what the provider answered. */
export function SendTestSmsDialog({ route, onClose }: { route: SmsRoute | null; onClose: () => void }) {
  const trpc = useTRPC();
  const send = useMutation(trpc.smsRoutes.sendTest.mutationOptions());
  const errors = send.error ? formErrors(send.error, FIELDS) : null;
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <Dialog open={route !== null} onClose={close} title={`Send a test SMS through “${route?.name ?? ""}”`} description="It really goes out, through the route's provider. Test messages cost no credits.">
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const text = String(form.get("text") ?? "").trim();
          if (route) send.mutate({ routeId: route.id, to: String(form.get("to") ?? ""), ...(text ? { text } : {}) });
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          {send.data && (
            <Alert tone="success">
              Accepted by the provider{send.data.providerId ? ` as ${send.data.providerId}` : ""}: {send.data.parts} part{send.data.parts === 1 ? "" : "s"} to {send.data.to}.
            </Alert>
          )}
          <Field label="Phone number" hint="With its country code, e.g. +852 9123 4567." error={errors?.fields.to}>
            {(control) => <Input {...control} name="to" type="tel" autoFocus placeholder="+852 9123 4567" />}
          </Field>
          <Field label="Message" hint="Optional; a short test line if empty." error={errors?.fields.text}>
            {(control) => <Input {...control} name="text" maxLength={1000} />}
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
