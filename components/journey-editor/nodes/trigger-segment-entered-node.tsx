"use client";

import type { NodeProps } from "@xyflow/react";
import { nameOf, useEditor, type JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function TriggerSegmentEnteredNode({ data, selected }: NodeProps<JourneyFlowNode<"trigger_segment_entered">>) {
  const { lookups } = useEditor();
  return <NodeShell data={data} selected={selected} summary={nameOf(lookups.segments, data.node.config.segmentId, "Choose a segment")} />;
}
