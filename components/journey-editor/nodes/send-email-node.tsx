"use client";

import type { NodeProps } from "@xyflow/react";
import { nameOf, useEditor, type JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function SendEmailNode({ data, selected }: NodeProps<JourneyFlowNode<"send_email">>) {
  const { lookups } = useEditor();
  return <NodeShell data={data} selected={selected} summary={nameOf(lookups.emailTemplates, data.node.config.templateId, "Choose a template")} />;
}
