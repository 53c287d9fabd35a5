"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formErrors } from "@/lib/trpc-errors";
import type { SmsRoute } from "@/server/domain/content/sms/list-sms-routes";
import { PROVIDER_FIELDS, ProviderFields, providerFromForm } from "./provider-fields";
import type { CharsetOption, MarketOption } from "./route-options";

const FIELDS = ["name", "markets", "pricePerSegment", "charset", ...PROVIDER_FIELDS] as const;

/** Adds a route, or (given `route`) changes its name, markets, price, character set, provider or throttle. */
export function SmsRouteFormDialog({
  open,
  onClose,
  onSaved,
  route,
  markets,
  charsets,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  route?: SmsRoute;
  markets: MarketOption[];
  charsets: CharsetOption[];
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.smsRoutes.create.mutationOptions());
  const update = useMutation(trpc.smsRoutes.update.mutationOptions());
  const mutation = route ? update : create;
  const errors = mutation.error ? formErrors(mutation.error, FIELDS) : null;

  const close = () => {
    onClose();
    create.reset();
    update.reset();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={route ? `Edit “${route.name}”` : "Add an SMS route"}
      description={route ? undefined : "A route is a way out to the phone networks of some markets, with its price per segment."}
    >
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const priceText = String(form.get("pricePerSegment") ?? "").trim();
          const values = {
            name: String(form.get("name") ?? ""),
            markets: form.getAll("markets").map(String),
            // An empty box is sent as NaN so the server says what is missing, beside the field.
            pricePerSegment: priceText === "" ? Number.NaN : Number(priceText),
            charset: String(form.get("charset")) as CharsetOption["charset"],
            provider: providerFromForm(form),
            throttlePerSecond: String(form.get("throttlePerSecond") ?? "").trim() === "" ? null : Number(form.get("throttlePerSecond")),
          };
          const onSuccess = () => {
            create.reset();
            update.reset();
            onSaved();
          };
          if (route) update.mutate({ routeId: route.id, ...values }, { onSuccess });
          else create.mutate(values, { onSuccess });
        }}
      >
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="Name" error={errors?.fields.name}>
            {(control) => <Input {...control} name="name" defaultValue={route?.name} placeholder="HK direct" maxLength={100} autoFocus />}
          </Field>
          <fieldset aria-describedby={errors?.fields.markets ? "route-markets-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">Markets</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {markets.map((market) => (
                <label key={market.code} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="markets"
                    value={market.code}
                    defaultChecked={route?.markets.includes(market.code)}
                    className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                  />
                  <span className="font-mono text-xs text-slate-500">{market.code}</span> {market.label}
                </label>
              ))}
            </div>
            <FieldError id="route-markets-error">{errors?.fields.markets}</FieldError>
          </fieldset>
          <Field label="Price per segment" hint="In credits; a message costs its segments times this." error={errors?.fields.pricePerSegment}>
            {(control) => (
              <Input
                {...control}
                name="pricePerSegment"
                type="number"
                inputMode="decimal"
                min={0}
                step="0.0001"
                defaultValue={route?.pricePerSegment}
                placeholder="0.05"
              />
            )}
          </Field>
          <Field label="Character set" hint="What the route's gateway can carry; characters it cannot are removed before sending." error={errors?.fields.charset}>
            {(control) => (
              <Select {...control} name="charset" defaultValue={route?.charset ?? "ucs2"}>
                {charsets.map((option) => (
                  <option key={option.charset} value={option.charset}>
                    {option.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <ProviderFields provider={route?.provider} throttlePerSecond={route?.throttlePerSecond} errors={errors?.fields ?? {}} />
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={mutation.isPending}>
            {route ? "Save" : "Add route"}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
