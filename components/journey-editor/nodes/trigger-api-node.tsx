"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function TriggerApiNode({ data, selected }: NodeProps<JourneyFlowNode<"trigger_api">>) {
  return <NodeShell data={data} selected={selected} summary="Your code enters contacts (API or SDK)" />;
}
