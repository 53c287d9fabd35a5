"use client";

import type { NodeProps } from "@xyflow/react";
import { nameOf, useEditor, type JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function TriggerListJoinedNode({ data, selected }: NodeProps<JourneyFlowNode<"trigger_list_joined">>) {
  const { lookups } = useEditor();
  return <NodeShell data={data} selected={selected} summary={nameOf(lookups.lists, data.node.config.listId, "Choose a list")} />;
}
