"use client";

import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useEditor } from "../editor-context";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

export function SegmentTriggerForm({ node, problems, onChange }: NodeFormProps<"trigger_segment_entered">) {
  const { lookups } = useEditor();
  return (
    <Field
      label="Segment"
      error={problemAt(problems, "config.segmentId")}
      hint={lookups.segments.length === 0 && !lookups.loading ? <Link href="/segments/new" className="underline">Create a segment first</Link> : "Contacts enter when they start matching it."}
    >
      {(control) => (
        <Select {...control} value={node.config.segmentId ?? ""} onChange={(event) => onChange(withConfig(node, { segmentId: event.target.value || null }))}>
          <option value="">Choose a segment…</option>
          {lookups.segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
