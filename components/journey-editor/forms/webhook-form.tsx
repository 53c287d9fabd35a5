"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { IntegerInput, problemAt, withConfig, type NodeFormProps } from "./form-kit";
import { WebhookSecret } from "./webhook-secret";

export function WebhookForm({ node, problems, onChange }: NodeFormProps<"webhook">) {
  return (
    <div className="space-y-4">
      <Field
        label="URL"
        error={problemAt(problems, "config.url")}
        hint="Receives the contact, the journey and the trigger's data as JSON, signed in the X-Herald-Signature header. Private and loopback addresses are refused."
      >
        {(control) => <Input {...control} type="url" value={node.config.url} maxLength={2000} placeholder="https://crm.example.com/hooks/herald" onChange={(event) => onChange(withConfig(node, { url: event.target.value }))} />}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Method">
          {(control) => (
            <Select {...control} value={node.config.method} onChange={(event) => onChange(withConfig(node, { method: event.target.value as "POST" | "PUT" }))}>
              <option value="POST">POST</option>
              <option value="PUT">PUT</option>
            </Select>
          )}
        </Field>
        <Field label="Timeout (ms)" error={problemAt(problems, "config.timeoutMs")}>
          {(control) => <IntegerInput {...control} value={node.config.timeoutMs} min={500} max={30_000} onValue={(timeoutMs) => onChange(withConfig(node, { timeoutMs }))} />}
        </Field>
      </div>
      <WebhookSecret />
    </div>
  );
}
