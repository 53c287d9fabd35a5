"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function WebhookNode({ data, selected }: NodeProps<JourneyFlowNode<"webhook">>) {
  const { url, method } = data.node.config;
  return <NodeShell data={data} selected={selected} summary={url ? `${method} ${url.replace(/^https?:\/\//, "")}` : "Enter a URL"} />;
}
