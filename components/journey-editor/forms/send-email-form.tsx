"use client";

import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useEditor } from "../editor-context";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

export function SendEmailForm({ node, problems, onChange }: NodeFormProps<"send_email">) {
  const { lookups } = useEditor();
  const template = lookups.emailTemplates.find((t) => t.id === node.config.templateId);
  return (
    <div className="space-y-4">
      <Field
        label="Email template"
        error={problemAt(problems, "config.templateId")}
        hint={template ? `Subject: ${template.subject || "(none yet)"}` : lookups.emailTemplates.length === 0 && !lookups.loading ? <Link href="/templates" className="underline">Create a template first</Link> : undefined}
      >
        {(control) => (
          <Select {...control} value={node.config.templateId ?? ""} onChange={(event) => onChange(withConfig(node, { templateId: event.target.value || null }))}>
            <option value="">Choose a template…</option>
            {lookups.emailTemplates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {template && (
        <Link href={`/templates/email/${template.id}`} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          Edit template
        </Link>
      )}
      <Field label="Sender" error={problemAt(problems, "config.sendingIdentityId")}>
        {(control) => (
          <Select {...control} value={node.config.sendingIdentityId ?? ""} onChange={(event) => onChange(withConfig(node, { sendingIdentityId: event.target.value || null }))}>
            <option value="">The template's sender</option>
            {lookups.senders.map((sender) => (
              <option key={sender.id} value={sender.id}>
                {sender.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
