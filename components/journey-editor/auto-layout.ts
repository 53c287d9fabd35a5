import { graphlib, layout } from "@dagrejs/dagre";
import { outputHandles, type JourneyDefinition } from "@/server/domain/journeys/journey-definition";

export type NodeSize = { width: number; height: number };

export const DEFAULT_NODE_SIZE: NodeSize = { width: 240, height: 96 };

/**
 * Top-to-bottom layout by dagre. Edges are added in each node's output order, so "yes" lands left
 * of "no" and split branches keep their order. Positions are top-left corners, as React Flow's are.
 */
export const layoutJourney = (definition: JourneyDefinition, sizes: ReadonlyMap<string, NodeSize>): JourneyDefinition => {
  if (definition.nodes.length === 0) return definition;
  const graph = new graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 72, marginx: 24, marginy: 24 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of definition.nodes) graph.setNode(node.id, { ...(sizes.get(node.id) ?? DEFAULT_NODE_SIZE) });
  const ids = new Set(definition.nodes.map((node) => node.id));
  for (const node of definition.nodes) {
    for (const handle of outputHandles(node)) {
      for (const edge of definition.edges) {
        if (edge.source === node.id && edge.sourceHandle === handle && ids.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
      }
    }
  }
  layout(graph);
  return {
    ...definition,
    nodes: definition.nodes.map((node) => {
      const placed = graph.node(node.id);
      const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
      return { ...node, position: { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) } };
    }),
  };
};

/**
 * Where a step added by clicking (not dropped) goes: at `start`, or stepped down and right until it
 * overlaps no other step, so repeated clicks do not pile steps on top of each other.
 */
export const findFreeSpot = (definition: JourneyDefinition, sizes: ReadonlyMap<string, NodeSize>, start: { x: number; y: number }) => {
  const overlaps = (x: number, y: number) =>
    definition.nodes.some((node) => {
      const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
      return x < node.position.x + size.width && x + DEFAULT_NODE_SIZE.width > node.position.x && y < node.position.y + size.height && y + DEFAULT_NODE_SIZE.height > node.position.y;
    });
  let { x, y } = start;
  for (let tries = 0; tries < 30 && overlaps(x, y); tries++) {
    x += 32;
    y += 48;
  }
  return { x: Math.round(x), y: Math.round(y) };
};
