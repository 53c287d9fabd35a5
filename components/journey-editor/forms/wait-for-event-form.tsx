"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EventNameInput } from "./event-name-input";
import { DurationFields, problemAt, withConfig, type NodeFormProps } from "./form-kit";
import { PropertyFilters } from "./property-filters";

export function WaitForEventForm({ node, problems, onChange }: NodeFormProps<"wait_for_event">) {
  const { eventName, filters, matchKey, timeout } = node.config;
  return (
    <div className="space-y-4">
      <Field label="Event name" error={problemAt(problems, "config.eventName")}>
        {(control) => <EventNameInput control={control} value={eventName} placeholder="order_placed" onChange={(value) => onChange(withConfig(node, { eventName: value }))} />}
      </Field>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Only when its properties match</p>
        <PropertyFilters label="Wait event property filters" filters={filters} onChange={(value) => onChange(withConfig(node, { filters: value }))} />
      </div>
      <Field
        label="Same value as the trigger in"
        error={problemAt(problems, "config.matchKey")}
        hint="Optional: a property (cart_id) that must equal the triggering event's, so only the same cart's order counts."
      >
        {(control) => (
          <Input {...control} className="font-mono text-xs" value={matchKey ?? ""} maxLength={200} placeholder="cart_id" onChange={(event) => onChange(withConfig(node, { matchKey: event.target.value || null }))} />
        )}
      </Field>
      <Field label="Give up after" error={problemAt(problems, "config.timeout")} hint="Then the contact goes down the “Timed out” output.">
        {(control) => <DurationFields id={control.id} label="Timeout" min={1} value={timeout} onChange={(value) => onChange(withConfig(node, { timeout: value }))} />}
      </Field>
    </div>
  );
}
