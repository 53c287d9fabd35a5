import {
  isTrigger,
  outputHandles,
  type JourneyDefinition,
  type JourneyEdge,
  type JourneyNode,
} from "@/server/domain/journeys/journey-definition";
import { newNodeId } from "./node-catalog";

/**
 * The editor's edits of a journey document, pure and immutable so each one is a step of the undo
 * history and can be tested without a browser. The canvas never holds a second copy of the graph:
 * it draws the document and sends every change back through one of these.
 */

type Position = { x: number; y: number };

export const edgeId = (source: string, sourceHandle: string, target: string) => `${source}.${sourceHandle}->${target}`.slice(0, 100);

export const addNode = (definition: JourneyDefinition, node: JourneyNode): JourneyDefinition => ({ ...definition, nodes: [...definition.nodes, node] });

/** Removes nodes and edges, and every edge touching a removed node. */
export const removeElements = (definition: JourneyDefinition, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): JourneyDefinition => {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return definition;
  return {
    ...definition,
    nodes: definition.nodes.filter((node) => !nodes.has(node.id)),
    edges: definition.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target)),
  };
};

/**
 * Connects an output to a node. One edge per output: a new connection from the same output
 * replaces the old one. Triggers take no input, and an output does not lead back to its own node.
 */
export const connect = (definition: JourneyDefinition, link: { source: string; sourceHandle: string; target: string }): JourneyDefinition => {
  const source = definition.nodes.find((node) => node.id === link.source);
  const target = definition.nodes.find((node) => node.id === link.target);
  if (!source || !target || source.id === target.id || isTrigger(target)) return definition;
  if (!outputHandles(source).includes(link.sourceHandle)) return definition;
  const edge: JourneyEdge = { id: edgeId(link.source, link.sourceHandle, link.target), ...link };
  return {
    ...definition,
    edges: [...definition.edges.filter((e) => !(e.source === link.source && e.sourceHandle === link.sourceHandle)), edge],
  };
};

export const moveNodes = (definition: JourneyDefinition, positions: ReadonlyMap<string, Position>): JourneyDefinition =>
  positions.size === 0
    ? definition
    : { ...definition, nodes: definition.nodes.map((node) => (positions.has(node.id) ? { ...node, position: positions.get(node.id)! } : node)) };

/** Replaces a node's configuration; edges from outputs the node no longer has (a removed split branch) go too. */
export const updateNode = (definition: JourneyDefinition, updated: JourneyNode): JourneyDefinition => {
  const outputs = new Set(outputHandles(updated));
  return {
    ...definition,
    nodes: definition.nodes.map((node) => (node.id === updated.id ? updated : node)),
    edges: definition.edges.filter((edge) => edge.source !== updated.id || outputs.has(edge.sourceHandle)),
  };
};

export type Clipboard = { nodes: JourneyNode[]; edges: JourneyEdge[] };

/** The chosen nodes and the edges between them. */
export const copyNodes = (definition: JourneyDefinition, nodeIds: Iterable<string>): Clipboard | null => {
  const ids = new Set(nodeIds);
  const nodes = definition.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return null;
  return { nodes: structuredClone(nodes), edges: definition.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
};

/** Pastes copies with new ids, shifted by `offset`, keeping the edges between them; returns the new ids. */
export const pasteNodes = (definition: JourneyDefinition, clipboard: Clipboard, offset: Position): { definition: JourneyDefinition; ids: string[] } => {
  const taken = new Set(definition.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  for (const node of clipboard.nodes) {
    let id = newNodeId(node.type);
    while (taken.has(id)) id = newNodeId(node.type);
    taken.add(id);
    renamed.set(node.id, id);
  }
  const nodes = clipboard.nodes.map(
    (node) => ({ ...structuredClone(node), id: renamed.get(node.id)!, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } }) as JourneyNode,
  );
  const edges = clipboard.edges.map((edge) => {
    const source = renamed.get(edge.source)!;
    const target = renamed.get(edge.target)!;
    return { id: edgeId(source, edge.sourceHandle, target), source, sourceHandle: edge.sourceHandle, target };
  });
  return { definition: { ...definition, nodes: [...definition.nodes, ...nodes], edges: [...definition.edges, ...edges] }, ids: nodes.map((n) => n.id) };
};
