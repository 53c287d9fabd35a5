"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function TriggerDateNode({ data, selected }: NodeProps<JourneyFlowNode<"trigger_date">>) {
  const { attribute, offsetDays, time, recurring } = data.node.config;
  const shift = offsetDays === 0 ? "" : offsetDays > 0 ? `${offsetDays}d after ` : `${-offsetDays}d before `;
  const summary = attribute ? `${recurring ? "Every year, " : ""}${shift}${attribute} at ${time}` : "Choose a date attribute";
  return <NodeShell data={data} selected={selected} summary={summary} />;
}
