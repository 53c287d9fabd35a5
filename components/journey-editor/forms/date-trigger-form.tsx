"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useEditor } from "../editor-context";
import { IntegerInput, problemAt, withConfig, type NodeFormProps } from "./form-kit";

export function DateTriggerForm({ node, problems, onChange }: NodeFormProps<"trigger_date">) {
  const { lookups } = useEditor();
  const dateFields = (lookups.segmentOptions?.fields ?? []).filter((field) => !field.builtIn && field.type === "date");
  return (
    <div className="space-y-4">
      <Field label="Date attribute" error={problemAt(problems, "config.attribute")} hint="A custom attribute holding a date, such as birthday.">
        {(control) => (
          <>
            <Input {...control} className="font-mono text-xs" list="journey-date-attributes" value={node.config.attribute} maxLength={63} onChange={(event) => onChange(withConfig(node, { attribute: event.target.value }))} />
            <datalist id="journey-date-attributes">
              {dateFields.map((field) => (
                <option key={field.field} value={field.field.replace(/^attributes\./, "")}>
                  {field.label}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Days before (−) or after" error={problemAt(problems, "config.offsetDays")}>
          {(control) => <IntegerInput {...control} value={node.config.offsetDays} min={-365} max={365} onValue={(offsetDays) => onChange(withConfig(node, { offsetDays }))} />}
        </Field>
        <Field label="At (contact's time)" error={problemAt(problems, "config.time")}>
          {(control) => <Input {...control} type="time" value={node.config.time} onChange={(event) => event.target.value && onChange(withConfig(node, { time: event.target.value }))} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="size-4 rounded border-slate-300" checked={node.config.recurring} onChange={(event) => onChange(withConfig(node, { recurring: event.target.checked }))} />
        Every year (a birthday or an anniversary)
      </label>
    </div>
  );
}
