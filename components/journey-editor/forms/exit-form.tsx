"use client";

import { withConfig, type NodeFormProps } from "./form-kit";

export function ExitForm({ node, onChange }: NodeFormProps<"exit">) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={node.config.goal} onChange={(event) => onChange(withConfig(node, { goal: event.target.checked }))} />
      <span>
        Count as the journey&apos;s goal
        <span className="block text-xs text-slate-500">Contacts who leave here are reported as converted.</span>
      </span>
    </label>
  );
}
