"use client";

import type { JourneyDefinition } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";
import { AlertIcon } from "./node-icons";

/**
 * Every problem with the journey; a problem that belongs to a step selects it (and brings it into
 * view) when clicked. The same problems are pinned on the nodes themselves.
 */
export function ProblemsList({ problems, definition, onSelectNode }: { problems: JourneyProblem[]; definition: JourneyDefinition; onSelectNode: (nodeId: string) => void }) {
  if (problems.length === 0)
    return (
      <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" role="status">
        No problems: ready to publish.
      </p>
    );
  return (
    <section aria-labelledby="journey-problems">
      <h2 id="journey-problems" className="mb-1.5 text-sm font-semibold text-red-700">
        {problems.length} {problems.length === 1 ? "problem" : "problems"} to fix before publishing
      </h2>
      <ul className="space-y-1" aria-label="Problems">
        {problems.map((problem, index) => {
          const node = problem.nodeId ? definition.nodes.find((n) => n.id === problem.nodeId) : undefined;
          const content = (
            <>
              <AlertIcon className="mt-0.5 size-4 shrink-0 text-red-600" />
              <span>{problem.message}</span>
            </>
          );
          return (
            <li key={`${problem.code}-${problem.nodeId ?? ""}-${problem.edgeId ?? ""}-${index}`}>
              {node ? (
                <button type="button" onClick={() => onSelectNode(node.id)} className="flex w-full gap-1.5 rounded-md px-2 py-1 text-left text-sm text-red-700 hover:bg-red-50">
                  {content}
                </button>
              ) : (
                <p className="flex gap-1.5 px-2 py-1 text-sm text-red-700">{content}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
