"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useReducer, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/trpc-errors";
import type { JourneyDefinition, JourneyNodeType, JourneySettings } from "@/server/domain/journeys/journey-definition";
import type { AppRouter } from "@/server/trpc/root";
import { DEFAULT_NODE_SIZE, findFreeSpot, layoutJourney, type NodeSize } from "./auto-layout";
import { backToJourneys } from "./back-link";
import { EditorAlerts } from "./editor-alerts";
import { EditorProvider, type EditorApi } from "./editor-context";
import { addNode, connect, copyNodes, pasteNodes, removeElements, updateNode, type Clipboard } from "./graph-edits";
import { JourneyCanvas, type Selection } from "./journey-canvas";
import { JourneyControls } from "./journey-controls";
import { historyReducer, initialHistory } from "./journey-history";
import { JourneyStatusBadge, type JourneyStatus } from "./journey-status";
import { createNode } from "./node-catalog";
import { LayoutIcon, RedoIcon, UndoIcon } from "./node-icons";
import { Palette } from "./palette";
import { ProblemsList } from "./problems-list";
import { describeSaveField } from "./save-field-names";
import { SidePanel } from "./side-panel";
import { useDraftSaving } from "./use-draft-saving";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useJourneyProblems } from "./use-journey-problems";
import { useLookups } from "./use-lookups";
import { VersionHistory } from "./version-history";

export type JourneyDetail = inferRouterOutputs<AppRouter>["journeys"]["get"];

const STATS_POLL_MS = 3_000;
// Written out whole so Tailwind sees every class; the panel widens for the segment rule builder.
const GRID_COLUMNS = {
  "edit-narrow": "grid-cols-[11.5rem_minmax(0,1fr)_18.5rem]",
  "edit-wide": "grid-cols-[11.5rem_minmax(0,1fr)_26rem]",
  "read-narrow": "grid-cols-[minmax(0,1fr)_18.5rem]",
  "read-wide": "grid-cols-[minmax(0,1fr)_26rem]",
} as const;
const NO_SELECTION: Selection = { nodes: [], edges: [] };

/**
 * The journey editor: palette, canvas and side panel over one journey document with an undo
 * history. Problems are found in the browser on every edit (validateJourneyGraph, the same pure
 * check the server runs) and pinned on the nodes; those only the server can find (a template that
 * no longer exists) come back from saving and publishing and are pinned the same way.
 */
export function EditorWorkspace({ journey, canEdit, onReload }: { journey: JourneyDetail; canEdit: boolean; onReload: () => Promise<void> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const status = journey.status as JourneyStatus;
  const readOnly = !canEdit || status === "archived";

  const [history, dispatch] = useReducer(historyReducer, journey.draft as JourneyDefinition, initialHistory);
  const definition = history.present;
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [sizes, setSizes] = useState<Map<string, NodeSize>>(() => new Map());
  const [name, setName] = useState(journey.name);
  const [description, setDescription] = useState(journey.description ?? "");
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [publishFailed, setPublishFailed] = useState(false);
  const clipboard = useRef<{ data: Clipboard; pastes: number } | null>(null);
  const canvasBox = useRef<HTMLDivElement>(null);

  const lookups = useLookups();
  const saving = useDraftSaving({ journeyId: journey.id, draft: { definition, name, description }, revision: journey.draftRevision, enabled: !readOnly });
  const publish = useMutation(trpc.journeys.publish.mutationOptions());
  const stats = useQuery({
    ...trpc.journeys.stats.queryOptions({ journeyId: journey.id }),
    enabled: status === "live" || status === "paused",
    refetchInterval: STATS_POLL_MS,
  });

  const { problems, problemsByNode, problemEdges } = useJourneyProblems(definition, saving.serverProblems);

  const edit = useCallback((change: (d: JourneyDefinition) => JourneyDefinition) => dispatch({ type: "edit", change, record: true }), []);
  const onSizes = useCallback(
    (measured: Map<string, NodeSize>) =>
      setSizes((previous) => {
        const next = new Map(previous);
        for (const [id, size] of measured) next.set(id, size);
        return next;
      }),
    [],
  );

  const editor: EditorApi = useMemo(
    () => ({
      journeyId: journey.id,
      lookups,
      readOnly,
      updateNode: (node) => edit((d) => updateNode(d, node)),
      connectOutput: (source, sourceHandle, target) =>
        edit((d) =>
          target
            ? connect(d, { source, sourceHandle, target })
            : removeElements(d, [], d.edges.filter((e) => e.source === source && e.sourceHandle === sourceHandle).map((e) => e.id)),
        ),
    }),
    [journey.id, lookups, readOnly, edit],
  );

  const focusNode = (nodeId: string) => {
    const node = definition.nodes.find((n) => n.id === nodeId);
    if (!node) return;
    setSelection({ nodes: [nodeId], edges: [] });
    const size = sizes.get(nodeId) ?? DEFAULT_NODE_SIZE;
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
  };

  const addAtCentre = (type: JourneyNodeType) => {
    const box = canvasBox.current?.getBoundingClientRect();
    const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    const node = createNode(type, findFreeSpot(definition, sizes, { x: centre.x - DEFAULT_NODE_SIZE.width / 2, y: centre.y - DEFAULT_NODE_SIZE.height / 2 }));
    edit((d) => addNode(d, node));
    setSelection({ nodes: [node.id], edges: [] });
  };

  const autoLayout = () => {
    edit((d) => layoutJourney(d, sizes));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
  };

  const deleteSelection = () => {
    const { nodes, edges } = selection;
    edit((d) => removeElements(d, nodes, edges));
    setSelection(NO_SELECTION);
  };

  useEditorShortcuts({
    enabled: !readOnly,
    undo: () => dispatch({ type: "undo" }),
    redo: () => dispatch({ type: "redo" }),
    copy: () => {
      const data = copyNodes(definition, selection.nodes);
      if (!data) return false;
      clipboard.current = { data, pastes: 0 };
      return true;
    },
    paste: () => {
      const copied = clipboard.current;
      if (!copied) return;
      copied.pastes += 1;
      const offset = { x: 40 * copied.pastes, y: 40 * copied.pastes };
      // New ids are drawn here, once, so the selection can name them (a reducer may run twice).
      const result = pasteNodes(definition, copied.data, offset);
      const nodes = result.definition.nodes.slice(definition.nodes.length);
      const edges = result.definition.edges.slice(definition.edges.length);
      edit((d) => ({ ...d, nodes: [...d.nodes, ...nodes], edges: [...d.edges, ...edges] }));
      setSelection({ nodes: result.ids, edges: [] });
    },
  });

  const onPublish = async () => {
    setNotice(null);
    setActionError(null);
    if (!(await saving.save())) return;
    if (saving.isDirty() && !(await saving.save())) return;
    try {
      const result = await publish.mutateAsync({ journeyId: journey.id, expectedRevision: saving.revision() });
      if (result.ok) {
        setPublishFailed(false);
        saving.setServerProblems(null);
        setNotice(`Published version ${result.version}. New contacts follow it from now on.`);
        void queryClient.invalidateQueries({ queryKey: trpc.journeys.get.queryKey({ journeyId: journey.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
      } else {
        setPublishFailed(true);
        saving.setServerProblems({ definition, problems: result.problems });
      }
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const widePanel = selection.nodes.length === 1 && definition.nodes.find((n) => n.id === selection.nodes[0])?.type === "branch_segment";
  const onSettings = (settings: JourneySettings) => edit((d) => ({ ...d, settings }));
  const live = status === "live" || status === "paused";
  const unpublished = live && (journey.hasUnpublishedChanges || saving.dirty);
  const saveLabel =
    saving.state.status === "saving"
      ? "Saving…"
      : saving.dirty
        ? "Unsaved changes"
        : saving.state.status === "saved"
          ? "All changes saved"
          : null;

  return (
    <EditorProvider value={editor}>
      {backToJourneys}
      <PageHeader
        title={name || "Untitled journey"}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <JourneyStatusBadge status={status} />
            <span data-testid="journey-version">{journey.liveVersion ? `Version ${journey.liveVersion} ${status === "live" ? "live" : "published"}` : "Not published yet"}</span>
            {unpublished && <Badge tone="amber">Unpublished changes</Badge>}
            {saveLabel && (
              <span role="status" className="text-slate-500">
                {saveLabel}
              </span>
            )}
          </span>
        }
        actions={
          canEdit && (
            <>
              {!readOnly && (
                <>
                  <Button variant="ghost" size="sm" aria-label="Undo" title="Undo (Ctrl/Cmd+Z)" disabled={history.past.length === 0} onClick={() => dispatch({ type: "undo" })}>
                    <UndoIcon className="size-4" />
                  </Button>
                  <Button variant="ghost" size="sm" aria-label="Redo" title="Redo (Shift+Ctrl/Cmd+Z)" disabled={history.future.length === 0} onClick={() => dispatch({ type: "redo" })}>
                    <RedoIcon className="size-4" />
                  </Button>
                  <Button variant="secondary" onClick={() => void saving.save()} pending={saving.state.status === "saving"} disabled={!saving.dirty}>
                    Save
                  </Button>
                </>
              )}
              <JourneyControls journeyId={journey.id} status={status} onError={setActionError} />
              {!readOnly && (
                <Button onClick={() => void onPublish()} pending={publish.isPending} disabled={live && !unpublished}>
                  {live ? "Publish changes" : "Publish"}
                </Button>
              )}
            </>
          )
        }
      />

      <EditorAlerts
        notice={notice}
        actionError={actionError}
        publishProblems={publishFailed ? problems.length : 0}
        saveState={saving.state}
        archived={status === "archived"}
        onReload={() => void onReload()}
        describeField={(field) => describeSaveField(definition, field)}
      />

      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="flex items-center gap-1 border-b border-slate-100 px-2 py-1.5">
          {!readOnly && (
            <Button variant="ghost" size="sm" onClick={autoLayout} disabled={definition.nodes.length === 0}>
              <LayoutIcon className="size-4" />
              Tidy up
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 })}>
            Zoom to fit
          </Button>
          <span className="ml-auto px-2 text-xs text-slate-400">
            {readOnly ? "Read only" : "Drag steps in; connect outputs to inputs; Delete removes; Ctrl/Cmd+Z undoes, C/V copy and paste"}
          </span>
        </div>
        <div className={cn("grid h-[calc(100vh-17rem)] min-h-[540px]", GRID_COLUMNS[`${readOnly ? "read" : "edit"}-${widePanel ? "wide" : "narrow"}`])}>
          {!readOnly && (
            <div className="min-h-0 overflow-y-auto border-r border-slate-100 bg-slate-50/60">
              <Palette onAdd={addAtCentre} disabled={readOnly} />
            </div>
          )}
          <div ref={canvasBox} className="relative min-h-0 min-w-0">
            <JourneyCanvas
              definition={definition}
              selection={selection}
              onSelectionChange={setSelection}
              problemsByNode={problemsByNode}
              problemEdges={problemEdges}
              stats={live ? (stats.data?.nodes ?? {}) : null}
              sizes={sizes}
              onSizes={onSizes}
              dispatch={dispatch}
              readOnly={readOnly}
            />
          </div>
          <aside aria-label="Step settings" className="min-h-0 overflow-y-auto border-l border-slate-100 p-4">
            <SidePanel
              journeyId={journey.id}
              definition={definition}
              selection={selection}
              problems={problems}
              problemsByNode={problemsByNode}
              name={name}
              description={description}
              onName={setName}
              onDescription={setDescription}
              onSettings={onSettings}
              onDeleteSelection={deleteSelection}
              footer={<VersionHistory versions={journey.versions} liveVersion={journey.liveVersion} />}
            />
          </aside>
        </div>
      </div>

      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
        <ProblemsList problems={problems} definition={definition} onSelectNode={focusNode} />
      </div>
    </EditorProvider>
  );
}
