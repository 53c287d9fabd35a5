"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function ExitNode({ data, selected }: NodeProps<JourneyFlowNode<"exit">>) {
  return <NodeShell data={data} selected={selected} summary={data.node.config.goal ? "Goal met: leaves the journey" : "Leaves the journey"} />;
}
