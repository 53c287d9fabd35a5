"use client";

import type { NodeProps } from "@xyflow/react";
import { countRules } from "@/app/(dashboard)/segments/_lib/segment-draft";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function BranchSegmentNode({ data, selected }: NodeProps<JourneyFlowNode<"branch_segment">>) {
  const rules = countRules(data.node.config.definition.root);
  return <NodeShell data={data} selected={selected} summary={rules === 0 ? "Add rules" : `Matches ${rules} ${rules === 1 ? "rule" : "rules"}`} />;
}
