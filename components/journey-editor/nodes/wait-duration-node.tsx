"use client";

import type { NodeProps } from "@xyflow/react";
import { formatDuration } from "../format-config";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function WaitDurationNode({ data, selected }: NodeProps<JourneyFlowNode<"wait_duration">>) {
  return <NodeShell data={data} selected={selected} summary={`For ${formatDuration(data.node.config)}`} />;
}
