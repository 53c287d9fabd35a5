"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { JourneyDefinition, JourneySettings } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";
import { useEditor } from "./editor-context";
import { NodeForm } from "./forms/node-form";
import { SettingsForm } from "./forms/settings-form";
import type { Selection } from "./journey-canvas";

/** The selected step's settings; with nothing selected, the journey's own. */
export function SidePanel({
  journeyId,
  definition,
  selection,
  problems,
  problemsByNode,
  name,
  description,
  onName,
  onDescription,
  onSettings,
  onDeleteSelection,
  footer,
}: {
  journeyId: string;
  definition: JourneyDefinition;
  selection: Selection;
  problems: JourneyProblem[];
  problemsByNode: ReadonlyMap<string, JourneyProblem[]>;
  name: string;
  description: string;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  onSettings: (settings: JourneySettings) => void;
  onDeleteSelection: () => void;
  /** Shown below the journey's settings. */
  footer?: ReactNode;
}) {
  const { readOnly } = useEditor();
  const selected = definition.nodes.filter((node) => selection.nodes.includes(node.id));
  if (selected.length === 1) {
    const node = selected[0]!;
    return <NodeForm key={node.id} node={node} definition={definition} problems={problemsByNode.get(node.id) ?? []} journeyId={journeyId} onDelete={onDeleteSelection} />;
  }
  if (selected.length > 1 || selection.edges.length > 0)
    return (
      <div className="space-y-3 text-sm text-slate-600">
        <p>
          {selected.length > 0 && `${selected.length} steps`}
          {selected.length > 0 && selection.edges.length > 0 && " and "}
          {selection.edges.length > 0 && `${selection.edges.length} ${selection.edges.length === 1 ? "connection" : "connections"}`} selected.
        </p>
        {!readOnly && (
          <Button variant="danger-ghost" size="sm" onClick={onDeleteSelection}>
            Delete
          </Button>
        )}
      </div>
    );
  return (
    <>
      <fieldset disabled={readOnly} className="m-0 min-w-0 border-0 p-0">
        <SettingsForm
          name={name}
          description={description}
          settings={definition.settings}
          problems={problems.filter((p) => !p.nodeId)}
          onName={onName}
          onDescription={onDescription}
          onSettings={onSettings}
        />
      </fieldset>
      {footer}
    </>
  );
}
