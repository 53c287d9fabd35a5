"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type DragEvent, type SetStateAction } from "react";
import type { JourneyDefinition, JourneyNode } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";
import { DEFAULT_NODE_SIZE, type NodeSize } from "./auto-layout";
import type { JourneyFlowNode, NodeStats } from "./editor-context";
import { addNode, connect, moveNodes, removeElements } from "./graph-edits";
import type { HistoryAction } from "./journey-history";
import { createNode, isNodeType, NODE_CATALOG } from "./node-catalog";
import { nodeTypes } from "./node-types";
import { PALETTE_DRAG_TYPE } from "./palette";

export type Selection = { nodes: string[]; edges: string[] };

const applySelects = (ids: string[], selects: ReadonlyMap<string, boolean>) => {
  const next = new Set(ids);
  for (const [id, selected] of selects) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return [...next];
};

const MINIMAP_COLORS = { trigger: "#10b981", action: "#6366f1", flow: "#f59e0b" } as const;

/**
 * The canvas draws the journey document; it owns no graph of its own. Every change React Flow
 * reports (a drag, a selection, a connection, a deletion, a drop from the palette) goes back to the
 * editor as an edit of the document or of the selection. Sizes React Flow measures are kept beside
 * the document, because a node handed over without them would be measured (and hidden) again.
 */
export function JourneyCanvas({
  definition,
  selection,
  onSelectionChange,
  problemsByNode,
  problemEdges,
  stats,
  sizes,
  onSizes,
  dispatch,
  readOnly,
}: {
  definition: JourneyDefinition;
  selection: Selection;
  /** Takes an updater: node and edge selection changes arrive in separate calls within one event. */
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  problemsByNode: ReadonlyMap<string, JourneyProblem[]>;
  problemEdges: ReadonlySet<string>;
  stats: Record<string, NodeStats> | null;
  sizes: ReadonlyMap<string, NodeSize>;
  onSizes: (sizes: Map<string, NodeSize>) => void;
  dispatch: (action: HistoryAction) => void;
  readOnly: boolean;
}) {
  const { screenToFlowPosition, fitView } = useReactFlow();
  // Fitted once, when a journey opened with steps has them all measured (React Flow's own fitView prop
  // can fire before the pane has its size). An empty canvas stays at zoom 1: a first drop is not re-centred.
  const [fitOnOpen] = useState(definition.nodes.length > 0);
  const fitted = useRef(!fitOnOpen);
  const allMeasured = definition.nodes.length > 0 && definition.nodes.every((node) => sizes.has(node.id));
  useEffect(() => {
    if (fitted.current || !allMeasured) return;
    fitted.current = true;
    requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1 }));
  }, [allMeasured, fitView]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);

  const nodes = useMemo(
    () =>
      definition.nodes.map(
        (node): JourneyFlowNode => ({
          id: node.id,
          type: node.type,
          position: node.position,
          data: { node, problems: problemsByNode.get(node.id) ?? [], stats: stats ? (stats[node.id] ?? { entered: 0, waiting: 0, left: 0 }) : null },
          selected: selectedNodes.has(node.id),
          measured: sizes.get(node.id),
          deletable: !readOnly,
        }),
      ),
    [definition.nodes, problemsByNode, stats, selectedNodes, sizes, readOnly],
  );

  const edges = useMemo(
    () =>
      definition.edges.map((edge): Edge => {
        const invalid = problemEdges.has(edge.id);
        const selected = selectedEdges.has(edge.id);
        const stroke = invalid ? "#dc2626" : selected ? "#4f46e5" : "#94a3b8";
        return {
          id: edge.id,
          source: edge.source,
          sourceHandle: edge.sourceHandle,
          target: edge.target,
          selected,
          deletable: !readOnly,
          style: { stroke, strokeWidth: selected ? 2.5 : 1.75 },
          markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
        };
      }),
    [definition.edges, problemEdges, selectedEdges, readOnly],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => {
      const positions = new Map<string, { x: number; y: number }>();
      const measured = new Map<string, NodeSize>();
      const selects = new Map<string, boolean>();
      for (const change of changes) {
        if (change.type === "position" && change.position && !readOnly) positions.set(change.id, change.position);
        else if (change.type === "dimensions" && change.dimensions) measured.set(change.id, change.dimensions);
        else if (change.type === "select") selects.set(change.id, change.selected);
        // "remove" comes through onDelete, as one step of the history with the edges it takes along.
      }
      if (positions.size) dispatch({ type: "edit", change: (d) => moveNodes(d, positions), record: false });
      if (measured.size) onSizes(measured);
      if (selects.size) onSelectionChange((current) => ({ nodes: applySelects(current.nodes, selects), edges: current.edges }));
    },
    [dispatch, onSizes, onSelectionChange, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = new Map<string, boolean>();
      for (const change of changes) if (change.type === "select") selects.set(change.id, change.selected);
      if (selects.size) onSelectionChange((current) => ({ nodes: current.nodes, edges: applySelects(current.edges, selects) }));
    },
    [onSelectionChange],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      const link = { source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target };
      dispatch({ type: "edit", change: (d) => connect(d, link), record: true });
    },
    [dispatch],
  );

  const onDelete = useCallback(
    ({ nodes: removedNodes, edges: removedEdges }: { nodes: JourneyFlowNode[]; edges: Edge[] }) => {
      const nodeIds = removedNodes.map((n) => n.id);
      const edgeIds = removedEdges.map((e) => e.id);
      dispatch({ type: "edit", change: (d) => removeElements(d, nodeIds, edgeIds), record: true });
      onSelectionChange({ nodes: [], edges: [] });
    },
    [dispatch, onSelectionChange],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    },
    [readOnly],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (readOnly || !isNodeType(type)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The node lands centred under the pointer, as it looked while dragged.
      const node: JourneyNode = createNode(type, { x: Math.round(point.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(point.y - 30) });
      dispatch({ type: "edit", change: (d) => addNode(d, node), record: true });
      onSelectionChange({ nodes: [node.id], edges: [] });
    },
    [dispatch, onSelectionChange, readOnly, screenToFlowPosition],
  );

  const isValidConnection = useCallback(
    (link: Edge | Connection) => {
      if (link.source === link.target) return false;
      const target = definition.nodes.find((n) => n.id === link.target);
      return Boolean(target && NODE_CATALOG[target.type].group !== "trigger");
    },
    [definition.nodes],
  );

  return (
    <ReactFlow<JourneyFlowNode, Edge>
      aria-label="Journey canvas"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onDelete={onDelete}
      isValidConnection={isValidConnection}
      onNodeDragStart={() => dispatch({ type: "checkpoint" })}
      onSelectionDragStart={() => dispatch({ type: "checkpoint" })}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      elementsSelectable
      deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
      multiSelectionKeyCode={["Meta", "Control", "Shift"]}
      minZoom={0.2}
      maxZoom={2}
      snapToGrid
      snapGrid={[8, 8]}
    >
      <Background gap={16} color="#e2e8f0" />
      <Controls showInteractive={false} />
      <MiniMap
        position="top-right"
        pannable
        zoomable
        ariaLabel="Journey overview"
        nodeColor={(node) => (isNodeType(node.type ?? "") ? MINIMAP_COLORS[NODE_CATALOG[node.type as JourneyNode["type"]].group] : "#94a3b8")}
        nodeStrokeColor={(node) => ((node.data as JourneyFlowNode["data"]).problems.length ? "#dc2626" : "transparent")}
        nodeStrokeWidth={3}
      />
    </ReactFlow>
  );
}
