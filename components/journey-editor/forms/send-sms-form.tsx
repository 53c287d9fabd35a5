"use client";

import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useEditor } from "../editor-context";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

export function SendSmsForm({ node, problems, onChange }: NodeFormProps<"send_sms">) {
  const { lookups } = useEditor();
  return (
    <Field
      label="SMS template"
      error={problemAt(problems, "config.templateId")}
      hint={lookups.smsTemplates.length === 0 && !lookups.loading ? <Link href="/templates" className="underline">Create an SMS template first</Link> : "Sent through the template's route."}
    >
      {(control) => (
        <Select {...control} value={node.config.templateId ?? ""} onChange={(event) => onChange(withConfig(node, { templateId: event.target.value || null }))}>
          <option value="">Choose a template…</option>
          {lookups.smsTemplates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
