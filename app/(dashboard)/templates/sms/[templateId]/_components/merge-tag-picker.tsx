"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Select } from "@/components/ui/select";

/** The built-in fields merge-scope.ts offers on every contact, as people name them. */
const CONTACT_FIELDS = [
  ["first_name", "First name"],
  ["last_name", "Last name"],
  ["full_name", "Full name"],
  ["email", "Email"],
  ["phone", "Phone"],
] as const;

/**
 * Inserts `{{ contact.<key> }}` (or a workspace field) where the cursor is. A native select, so it
 * works from the keyboard and resets itself after each pick.
 */
export function MergeTagPicker({ onInsert, disabled }: { onInsert: (tag: string) => void; disabled?: boolean }) {
  const trpc = useTRPC();
  const attributes = useQuery(trpc.attributes.list.queryOptions());
  return (
    <Select
      aria-label="Insert merge tag"
      value=""
      disabled={disabled}
      className="w-56"
      onChange={(event) => {
        if (event.target.value) onInsert(event.target.value);
      }}
    >
      <option value="">Insert merge tag…</option>
      <optgroup label="Contact">
        {CONTACT_FIELDS.map(([key, label]) => (
          <option key={key} value={`{{ contact.${key} }}`}>
            {label}
          </option>
        ))}
      </optgroup>
      {!!attributes.data?.length && (
        <optgroup label="Attributes">
          {attributes.data.map((attribute) => (
            <option key={attribute.id} value={`{{ contact.${attribute.key} }}`}>
              {attribute.label}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Workspace">
        <option value="{{ workspace.name }}">Workspace name</option>
      </optgroup>
    </Select>
  );
}
