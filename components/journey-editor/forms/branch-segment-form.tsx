"use client";

import { BuilderProvider, type Builder } from "@/app/(dashboard)/segments/_components/builder-context";
import { GroupEditor } from "@/app/(dashboard)/segments/_components/rule-builder";
import { normaliseProblemPath } from "@/app/(dashboard)/segments/_lib/segment-draft";
import { Skeleton } from "@/components/ui/skeleton";
import { useEditor } from "../editor-context";
import { withConfig, type NodeFormProps } from "./form-kit";

const PREFIX = "config.definition.";
/** "Branch on rules: root.rules[0].value: expected a number" → "expected a number": the rule row says where. */
const withoutPlace = (message: string) => message.split(": ").slice(2).join(": ") || message;

/**
 * The Segments page's rule builder, on the node's own rules: contacts who match when they reach the
 * branch go down "Yes", the others "No". Rule problems come back from publishing, beside each rule.
 */
export function BranchSegmentForm({ node, problems, onChange }: NodeFormProps<"branch_segment">) {
  const { lookups, readOnly } = useEditor();
  if (!lookups.segmentOptions) return <Skeleton className="h-24 w-full" />;
  // Publishing checks the rules against the workspace; its findings go beside the rule they are about.
  const ruleProblems = Object.fromEntries(
    problems.flatMap((problem) =>
      problem.field?.startsWith(PREFIX) ? [[normaliseProblemPath(problem.field.slice(PREFIX.length)), withoutPlace(problem.message)] as const] : [],
    ),
  );
  const builder: Builder = {
    options: lookups.segmentOptions,
    problems: ruleProblems,
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
