"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function UpdateAttributeNode({ data, selected }: NodeProps<JourneyFlowNode<"update_attribute">>) {
  const { attribute, value } = data.node.config;
  const summary = attribute ? (value === "" ? `Clear ${attribute}` : `${attribute} = ${value}`) : "Choose an attribute";
  return <NodeShell data={data} selected={selected} summary={summary} />;
}
