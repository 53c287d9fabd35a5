"use client";

import type { inferRouterOutputs } from "@trpc/server";
import type { Node } from "@xyflow/react";
import { createContext, useContext } from "react";
import type { JourneyNode, JourneyNodeOf, JourneyNodeType } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type SegmentOptions = Outputs["segments"]["options"];
export type NodeStats = { entered: number; waiting: number; left: number };

/** What a node on the canvas is drawn from: its part of the document, its problems, and (live) its counts. */
export type JourneyNodeData<T extends JourneyNodeType = JourneyNodeType> = {
  node: JourneyNodeOf<T>;
  problems: JourneyProblem[];
  stats: NodeStats | null;
};
export type JourneyFlowNode<T extends JourneyNodeType = JourneyNodeType> = Node<JourneyNodeData<T>, T>;
/** Any node's data, compared structurally (the generic alias is checked by variance, which a conditional type defeats). */
export type AnyJourneyNodeData = { node: JourneyNode; problems: JourneyProblem[]; stats: NodeStats | null };

type Named = { id: string; name: string };

/** The workspace's templates, lists and segments, for pickers and for the names shown on nodes. */
export type Lookups = {
  emailTemplates: Array<Named & { subject: string | null }>;
  smsTemplates: Named[];
  senders: Named[];
  lists: Named[];
  segments: Named[];
  segmentOptions: SegmentOptions | null;
  loading: boolean;
};

export type EditorApi = {
  journeyId: string;
  lookups: Lookups;
  readOnly: boolean;
  /** Replaces a node (its configuration) as one step of the history. */
  updateNode: (node: JourneyNode) => void;
  /** Connects an output to a step (replacing its edge), or with null disconnects it. */
  connectOutput: (source: string, handle: string, target: string | null) => void;
};

const EditorContext = createContext<EditorApi | null>(null);
export const EditorProvider = EditorContext.Provider;

export const useEditor = () => {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor outside the journey editor");
  return editor;
};

/** A name by id, or a placeholder that says what is missing. */
export const nameOf = (items: Named[], id: string | null, missing: string) => (id ? (items.find((item) => item.id === id)?.name ?? "(deleted or unknown)") : missing);
