"use client";

import { useMemo } from "react";
import type { JourneyDefinition } from "@/server/domain/journeys/journey-definition";
import { validateJourneyGraph, type JourneyProblem } from "@/server/domain/journeys/journey-graph";

const problemKey = (p: JourneyProblem) => `${p.code}|${p.nodeId ?? ""}|${p.edgeId ?? ""}|${p.field ?? ""}|${p.message}`;

/**
 * The journey's problems: those validateJourneyGraph finds in the browser on every edit, plus the
 * server's (from the last save or publish) while they still describe this exact document; by node
 * and by edge, for the canvas.
 */
export function useJourneyProblems(definition: JourneyDefinition, server: { definition: JourneyDefinition; problems: JourneyProblem[] } | null) {
  const clientProblems = useMemo(() => validateJourneyGraph(definition), [definition]);
  const problems = useMemo(() => {
    const fromServer = server?.definition === definition ? server.problems : [];
    const seen = new Set<string>();
    return [...clientProblems, ...fromServer].filter((problem) => {
      const key = problemKey(problem);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [clientProblems, server, definition]);
  const problemsByNode = useMemo(() => {
    const byNode = new Map<string, JourneyProblem[]>();
    for (const problem of problems) if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
    return byNode;
  }, [problems]);
  const problemEdges = useMemo(() => new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))), [problems]);
  return { problems, problemsByNode, problemEdges };
}
