"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { WEEKDAYS } from "../format-config";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function WaitUntilForm({ node, problems, onChange }: NodeFormProps<"wait_until">) {
  const { time, weekdays } = node.config;
  const toggle = (day: number, on: boolean) => onChange(withConfig(node, { weekdays: on ? [...weekdays, day].sort() : weekdays.filter((d) => d !== day) }));
  return (
    <div className="space-y-4">
      <Field label="Time of day" error={problemAt(problems, "config.time")} hint="In the contact's timezone (the workspace's when it is unknown).">
        {(control) => <Input {...control} type="time" value={time} onChange={(event) => event.target.value && onChange(withConfig(node, { time: event.target.value }))} />}
      </Field>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">On</legend>
        <div className="flex flex-wrap gap-1.5">
          {WEEK_ORDER.map((day) => (
            <label key={day} className="flex items-center gap-1 rounded-md border border-slate-200 px-2 py-1 text-sm text-slate-700 has-checked:border-brand-400 has-checked:bg-brand-50">
              <input type="checkbox" className="size-3.5" checked={weekdays.includes(day)} onChange={(event) => toggle(day, event.target.checked)} />
              {WEEKDAYS[day]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">None ticked: the next day at that time.</p>
      </fieldset>
    </div>
  );
}
