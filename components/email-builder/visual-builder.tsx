"use client";

import "grapesjs/dist/css/grapes.min.css";
import "./grapes/theme.css";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Editor } from "grapesjs";
import { cn } from "@/lib/cn";
import { Spinner } from "@/components/ui/spinner";
import { DEVICES, createEmailEditor, type DeviceId, type EditorPanels } from "./grapes/create-editor";
import { exportDesign } from "./grapes/live-text";
import type { MergeTag, UploadImage } from "./types";

export type VisualBuilderChange = { mjml: string; projectData: unknown };

export type VisualBuilderProps = {
  /** Read once, when the builder mounts; remount (change `key`) to load another design. */
  initialMjml: string;
  /** GrapesJS project data saved from an earlier `onChange`; preferred over `initialMjml` when given. */
  initialProjectData?: unknown;
  mergeTags: readonly MergeTag[];
  uploadImage: UploadImage;
  /** Debounced (~400 ms) after each change, and once more on unmount if a change is still pending. */
  onChange: (change: VisualBuilderChange) => void;
  /** Sizes the builder; it fills the height it is given (default 70vh). */
  className?: string;
};

const CHANGE_DELAY_MS = 400;
/**
 * Accessible names that do not contain "Desktop" or "Mobile": a template page usually has its own
 * preview with buttons by those names, and Playwright's role queries match names by substring.
 */
const DEVICE_LABELS: Record<DeviceId, { label: string; title: string }> = {
  desktop: { label: "Full width", title: "Edit at desktop width" },
  mobile: { label: "Phone width", title: "Edit at mobile width (375px)" },
};
const PANEL_KEYS = ["canvas", "blocks", "layers", "styles", "traits"] as const;

/**
 * The drag-and-drop MJML builder. GrapesJS and the MJML compiler (~2.4 MB of JS together) are
 * imported only when this mounts, and only in the browser. GrapesJS owns the DOM inside the five
 * panel hosts; React only owns the chrome around them.
 */
export default function VisualBuilder({ initialMjml, initialProjectData, mergeTags, uploadImage, onChange, className }: VisualBuilderProps) {
  const hostRefs = {
    canvas: useRef<HTMLDivElement>(null),
    blocks: useRef<HTMLDivElement>(null),
    layers: useRef<HTMLDivElement>(null),
    styles: useRef<HTMLDivElement>(null),
    traits: useRef<HTMLDivElement>(null),
  };
  const rootRef = useRef<HTMLDivElement>(null);
  const refreshTagsRef = useRef<() => void>(() => {});
  const [initial] = useState(() => ({ initialMjml, initialProjectData }));

  // Latest props for the editor's long-lived callbacks.
  const latest = useRef({ mergeTags, uploadImage, onChange });
  useEffect(() => {
    latest.current = { mergeTags, uploadImage, onChange };
  });

  const [editor, setEditor] = useState<Editor | null>(null);
  const ready = editor !== null;
  const [loadError, setLoadError] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [device, setDevice] = useState<DeviceId>("desktop");
  const [leftTab, setLeftTab] = useState<"blocks" | "layers">("blocks");
  const [rightTab, setRightTab] = useState<"traits" | "styles">("traits");
  const [history, setHistory] = useState({ undo: false, redo: false });
  const [selectedName, setSelectedName] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let instance: Editor | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;

    // Fresh hosts per mount: React's strict mode mounts twice, and a destroyed editor leaves its DOM behind.
    const hosts = Object.fromEntries(
      PANEL_KEYS.map((key) => {
        const el = document.createElement("div");
        el.className = key === "canvas" ? "h-full" : "";
        hostRefs[key].current?.append(el);
        return [key, el];
      }),
    ) as unknown as EditorPanels;

    const flush = () => {
      clearTimeout(timer);
      if (!instance || !pending) return;
      pending = false;
      latest.current.onChange(exportDesign(instance));
    };
    const schedule = () => {
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(flush, CHANGE_DELAY_MS);
    };
    // A press anywhere outside the builder (a Save button, say) reports the pending change first.
    const flushOnOutsidePress = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) flush();
    };
    document.addEventListener("pointerdown", flushOnOutsidePress, true);

    createEmailEditor({
      panels: hosts,
      initialMjml: initial.initialMjml,
      initialProjectData: initial.initialProjectData,
      getMergeTags: () => latest.current.mergeTags,
      getUploadImage: () => latest.current.uploadImage,
      onUploadError: setUploadError,
      isCancelled: () => cancelled,
    })
      .then((created) => {
        if (!created) return;
        instance = created.editor;
        refreshTagsRef.current = created.refreshMergeTags;
        const current = instance;
        current.onReady(() => {
          if (cancelled) return;
          const syncHistory = () => setHistory({ undo: current.UndoManager.hasUndo(), redo: current.UndoManager.hasRedo() });
          current.on("update", () => {
            schedule();
            syncHistory();
          });
          current.on("undo redo", syncHistory);
          // Typing inside a text does not count as an update until the author leaves it; export it anyway.
          current.on("component:input", schedule);
          current.on("component:toggled", () => {
            const selected = current.getSelected();
            setSelectedName(selected ? selected.getName() : null);
          });
          current.UndoManager.clear();
          syncHistory();
          setEditor(current);
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error.message : "The builder could not be loaded.");
      });

    return () => {
      cancelled = true;
      document.removeEventListener("pointerdown", flushOnOutsidePress, true);
      flush();
      instance?.destroy();
      refreshTagsRef.current = () => {};
      for (const el of Object.values(hosts)) el.remove();
      setEditor(null);
    };
    // The editor is built once per mount; later prop changes are read through `latest`.
  }, []);

  useEffect(() => {
    refreshTagsRef.current();
  }, [mergeTags]);

  return (
    <div
      ref={rootRef}
      className={cn("herald-gjs flex min-h-0 flex-col overflow-hidden rounded-lg border border-slate-300 bg-white", className ?? "h-[70vh]")}
    >
      <div role="toolbar" aria-label="Builder" className="flex items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 py-1.5">
        <div role="group" aria-label="Preview size" className="flex items-center gap-1">
          {DEVICES.map((d) => (
            <ToolbarButton
              key={d.id}
              label={DEVICE_LABELS[d.id].label}
              title={DEVICE_LABELS[d.id].title}
              pressed={device === d.id}
              disabled={!ready}
              onClick={() => {
                editor?.setDevice(d.id);
                setDevice(d.id);
              }}
            >
              {d.id === "desktop" ? <DesktopIcon /> : <MobileIcon />}
            </ToolbarButton>
          ))}
        </div>
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-300" />
        <ToolbarButton label="Undo" disabled={!ready || !history.undo} onClick={() => editor?.UndoManager.undo()}>
          <UndoIcon />
        </ToolbarButton>
        <ToolbarButton label="Redo" disabled={!ready || !history.redo} onClick={() => editor?.UndoManager.redo()}>
          <UndoIcon className="-scale-x-100" />
        </ToolbarButton>
        <p className="ml-auto truncate text-xs text-slate-500">
          Double-click a text to edit it; its toolbar has a merge tag list.
        </p>
      </div>
      {uploadError && (
        <div role="alert" className="flex items-center justify-between gap-2 border-b border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-700">
          {uploadError}
          <button type="button" className="text-xs underline" onClick={() => setUploadError(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="flex min-h-0 flex-1">
        <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200">
          <Tabs
            label="Add and arrange"
            tabs={[
              { id: "blocks", label: "Blocks" },
              { id: "layers", label: "Layers" },
            ]}
            active={leftTab}
            onChange={setLeftTab}
          />
          <div ref={hostRefs.blocks} className={cn("min-h-0 flex-1 overflow-y-auto", leftTab !== "blocks" && "hidden")} />
          <div ref={hostRefs.layers} className={cn("min-h-0 flex-1 overflow-y-auto", leftTab !== "layers" && "hidden")} />
        </aside>
        <div className="relative min-w-0 flex-1" data-testid="builder-canvas">
          <div ref={hostRefs.canvas} className="absolute inset-0" />
          {!ready && (
            <div className="absolute inset-0 flex items-center justify-center gap-2 bg-slate-50 text-sm text-slate-500">
              {loadError ? (
                <span role="alert" className="text-red-600">
                  {loadError}
                </span>
              ) : (
                <>
                  <Spinner /> Loading the builder…
                </>
              )}
            </div>
          )}
        </div>
        <aside className="flex w-72 shrink-0 flex-col border-l border-slate-200">
          <Tabs
            label="Selected element"
            tabs={[
              { id: "traits", label: "Settings" },
              { id: "styles", label: "Style" },
            ]}
            active={rightTab}
            onChange={setRightTab}
          />
          <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-500">
            {selectedName ? (
              <>
                Editing <span className="font-medium text-slate-800">{selectedName}</span>
              </>
            ) : (
              "Select an element in the email to change it."
            )}
          </p>
          <div ref={hostRefs.traits} className={cn("min-h-0 flex-1 overflow-y-auto", rightTab !== "traits" && "hidden")} />
          <div ref={hostRefs.styles} className={cn("min-h-0 flex-1 overflow-y-auto", rightTab !== "styles" && "hidden")} />
        </aside>
      </div>
    </div>
  );
}

/** For consumers that do not set up `next/dynamic` themselves: the builder, client-only and code-split. */
export const VisualBuilderLazy = dynamic(() => import("./visual-builder"), {
  ssr: false,
  loading: () => (
    <div className="flex h-[70vh] items-center justify-center gap-2 rounded-lg border border-slate-300 text-sm text-slate-500">
      <Spinner /> Loading the builder…
    </div>
  ),
});

function Tabs<T extends string>({
  label,
  tabs,
  active,
  onChange,
}: {
  label: string;
  tabs: { id: T; label: string }[];
  active: T;
  onChange: (id: T) => void;
}) {
  return (
    <div role="tablist" aria-label={label} className="flex border-b border-slate-200 bg-white">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={active === tab.id}
          onClick={() => onChange(tab.id)}
          className={cn(
            "flex-1 border-b-2 px-3 py-2 text-sm font-medium",
            active === tab.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
          )}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

function ToolbarButton({
  label,
  title = label,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  title?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={title}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-200 disabled:text-slate-300 disabled:hover:bg-transparent",
        pressed && "bg-brand-100 text-brand-700 hover:bg-brand-100",
      )}
    >
      {children}
    </button>
  );
}

const DesktopIcon = () => (
  <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
    <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
    <path d="M7 17h6M10 13.5V17" />
  </svg>
);

const MobileIcon = () => (
  <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
    <rect x="6" y="2.5" width="8" height="15" rx="1.5" />
    <path d="M9 15h2" />
  </svg>
);

const UndoIcon = ({ className }: { className?: string }) => (
  <svg viewBox="0 0 20 20" className={cn("size-4", className)} fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
    <path d="M7.5 5 4 8.5 7.5 12" />
    <path d="M4.5 8.5H12a4 4 0 0 1 0 8H9" />
  </svg>
);
