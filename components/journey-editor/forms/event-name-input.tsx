"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import type { FieldControlProps } from "@/components/ui/field";
import { useEditor } from "../editor-context";

/** An event name, with the names the workspace has already recorded offered as suggestions. */
export function EventNameInput({ control, value, onChange, placeholder }: { control: FieldControlProps; value: string; onChange: (value: string) => void; placeholder: string }) {
  const { lookups } = useEditor();
  const listId = useId();
  return (
    <>
      <Input {...control} className="font-mono text-xs" list={listId} value={value} maxLength={200} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
      <datalist id={listId}>
        {(lookups.segmentOptions?.eventNames ?? []).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
