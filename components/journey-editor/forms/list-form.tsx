"use client";

import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useEditor } from "../editor-context";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

/** Joined a list (trigger), add to a list, remove from a list: one list to choose. */
export function ListForm({ node, problems, onChange }: NodeFormProps<"trigger_list_joined" | "add_to_list" | "remove_from_list">) {
  const { lookups } = useEditor();
  return (
    <Field
      label="List"
      error={problemAt(problems, "config.listId")}
      hint={lookups.lists.length === 0 && !lookups.loading ? <Link href="/lists" className="underline">Create a list first</Link> : undefined}
    >
      {(control) => (
        <Select {...control} value={node.config.listId ?? ""} onChange={(event) => onChange(withConfig(node, { listId: event.target.value || null }))}>
          <option value="">Choose a list…</option>
          {lookups.lists.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
