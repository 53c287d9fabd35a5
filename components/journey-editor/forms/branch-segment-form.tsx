"use client";

import { BuilderProvider, type Builder } from "@/app/(dashboard)/segments/_components/builder-context";
import { GroupEditor } from "@/app/(dashboard)/segments/_components/rule-builder";
import { Skeleton } from "@/components/ui/skeleton";
import { useEditor } from "../editor-context";
import { withConfig, type NodeFormProps } from "./form-kit";

/**
 * The Segments page's rule builder, on the node's own rules: contacts who match when they reach the
 * branch go down "Yes", the others "No". Rule problems come back from publishing, on the node.
 */
export function BranchSegmentForm({ node, onChange }: NodeFormProps<"branch_segment">) {
  const { lookups, readOnly } = useEditor();
  if (!lookups.segmentOptions) return <Skeleton className="h-24 w-full" />;
  const builder: Builder = {
    options: lookups.segmentOptions,
    problems: {},
    readOnly,
    edit: (change) => onChange(withConfig(node, { definition: change(node.config.definition) })),
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        <strong className="font-medium text-slate-800">Yes</strong> if the contact matches these rules when they get here, otherwise{" "}
        <strong className="font-medium text-slate-800">No</strong>.
      </p>
      <BuilderProvider value={builder}>
        <GroupEditor group={node.config.definition.root} path={[]} depth={1} />
      </BuilderProvider>
    </div>
  );
}
