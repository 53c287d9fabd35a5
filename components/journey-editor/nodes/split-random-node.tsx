"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function SplitRandomNode({ data, selected }: NodeProps<JourneyFlowNode<"split_random">>) {
  const { branches } = data.node.config;
  return <NodeShell data={data} selected={selected} summary={branches.map((b) => `${b.label || b.key} ${b.percent}%`).join(" / ")} />;
}
