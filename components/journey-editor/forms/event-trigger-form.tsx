"use client";

import { Field } from "@/components/ui/field";
import { EventNameInput } from "./event-name-input";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";
import { PropertyFilters } from "./property-filters";

export function EventTriggerForm({ node, problems, onChange }: NodeFormProps<"trigger_event">) {
  return (
    <div className="space-y-4">
      <Field label="Event name" error={problemAt(problems, "config.eventName")} hint="Tracked through the API, the SDK or a form, e.g. cart_abandoned.">
        {(control) => <EventNameInput control={control} value={node.config.eventName} placeholder="cart_abandoned" onChange={(eventName) => onChange(withConfig(node, { eventName }))} />}
      </Field>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Only when its properties match</p>
        <PropertyFilters label="Event property filters" filters={node.config.filters} onChange={(filters) => onChange(withConfig(node, { filters }))} />
      </div>
    </div>
  );
}
