"use client";

import type { NodeProps } from "@xyflow/react";
import { formatWeekdays } from "../format-config";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function WaitUntilNode({ data, selected }: NodeProps<JourneyFlowNode<"wait_until">>) {
  const { time, weekdays } = data.node.config;
  return <NodeShell data={data} selected={selected} summary={`${time} ${formatWeekdays(weekdays)}, contact's time`} />;
}
