import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { ZJourneyDefinition, type JourneyDefinition, type JourneyNode } from "@/server/domain/journeys/journey-definition";

/** A published version, parsed once and indexed for the runtime: nodes by id, edges by (node, output). */
export type RuntimeVersion = {
  id: string;
  journeyId: string;
  workspaceId: string;
  definition: JourneyDefinition;
  nodes: Map<string, JourneyNode>;
  /** `${nodeId}\u0000${handle}` -> target node id. */
  edges: Map<string, string>;
};

// Versions are immutable once published, so a process may keep them for its lifetime (bounded).
const cache = new Map<string, RuntimeVersion>();
const MAX_CACHED = 2_000;

export const edgeKey = (nodeId: string, handle: string) => `${nodeId}\u0000${handle}`;

export const indexVersion = (row: { id: string; journeyId: string; workspaceId: string; definition: unknown }): RuntimeVersion => {
  const definition = ZJourneyDefinition.parse(row.definition);
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const edges = new Map<string, string>();
  for (const edge of definition.edges) if (!edges.has(edgeKey(edge.source, edge.sourceHandle))) edges.set(edgeKey(edge.source, edge.sourceHandle), edge.target);
  return { ...row, definition, nodes, edges };
};

/** The versions asked for (one query for those not cached yet). Unknown ids are simply absent. */
export const loadVersions = async (executor: Executor, versionIds: Iterable<string>): Promise<Map<string, RuntimeVersion>> => {
  const wanted = [...new Set(versionIds)];
  const missing = wanted.filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await executor.execute<{ id: string; journey_id: string; workspace_id: string; definition: unknown }>(sql`
      select id, journey_id, workspace_id, definition from journey_versions where id = any(${sql.param(missing)}::uuid[])`);
    if (cache.size + rows.length > MAX_CACHED) cache.clear();
    for (const row of rows) cache.set(row.id, indexVersion({ id: row.id, journeyId: row.journey_id, workspaceId: row.workspace_id, definition: row.definition }));
  }
  const found = new Map<string, RuntimeVersion>();
  for (const id of wanted) {
    const version = cache.get(id);
    if (version) found.set(id, version);
  }
  return found;
};

export const nextNodeId = (version: RuntimeVersion, nodeId: string, handle: string) => version.edges.get(edgeKey(nodeId, handle)) ?? null;

const reachCache = new WeakMap<RuntimeVersion, Map<string, Set<string>>>();

/** The nodes a run at `nodeId` can still get to (by any path), computed once per version. */
export const reachableFrom = (version: RuntimeVersion, nodeId: string): Set<string> => {
  let byNode = reachCache.get(version);
  if (!byNode) {
    byNode = new Map();
    reachCache.set(version, byNode);
  }
  const known = byNode.get(nodeId);
  if (known) return known;
  const outgoing = new Map<string, string[]>();
  for (const edge of version.definition.edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target]);
  const seen = new Set<string>();
  const stack = [...(outgoing.get(nodeId) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(outgoing.get(next) ?? []));
  }
  byNode.set(nodeId, seen);
  return seen;
};
