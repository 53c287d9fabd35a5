"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useEditor } from "../editor-context";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

export function UpdateAttributeForm({ node, problems, onChange }: NodeFormProps<"update_attribute">) {
  const { lookups } = useEditor();
  const custom = (lookups.segmentOptions?.fields ?? []).filter((field) => !field.builtIn);
  return (
    <div className="space-y-4">
      <Field label="Attribute" error={problemAt(problems, "config.attribute")} hint="A custom attribute key; a new key creates the attribute.">
        {(control) => (
          <>
            <Input {...control} className="font-mono text-xs" list="journey-attributes" value={node.config.attribute} maxLength={63} placeholder="plan" onChange={(event) => onChange(withConfig(node, { attribute: event.target.value }))} />
            <datalist id="journey-attributes">
              {custom.map((field) => (
                <option key={field.field} value={field.field.replace(/^attributes\./, "")}>
                  {field.label}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Value" error={problemAt(problems, "config.value")} hint={<>May use Liquid, e.g. {"{{ event.plan }}"}; empty clears the attribute.</>}>
        {(control) => <Input {...control} value={node.config.value} maxLength={2000} onChange={(event) => onChange(withConfig(node, { value: event.target.value }))} />}
      </Field>
    </div>
  );
}
