"use client";

import { Field } from "@/components/ui/field";
import { DurationFields, problemAt, withConfig, type NodeFormProps } from "./form-kit";

export function WaitDurationForm({ node, problems, onChange }: NodeFormProps<"wait_duration">) {
  const error = problemAt(problems, "config.amount") ?? problemAt(problems, "config.unit");
  return (
    <Field label="Wait for" error={error}>
      {(control) => <DurationFields id={control.id} label="Wait" min={0} invalid={Boolean(error)} value={node.config} onChange={(value) => onChange(withConfig(node, value))} />}
    </Field>
  );
}
