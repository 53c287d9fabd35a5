"use client";

import type { NodeProps } from "@xyflow/react";
import { nameOf, useEditor, type JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function AddToListNode({ data, selected }: NodeProps<JourneyFlowNode<"add_to_list">>) {
  const { lookups } = useEditor();
  return <NodeShell data={data} selected={selected} summary={nameOf(lookups.lists, data.node.config.listId, "Choose a list")} />;
}
