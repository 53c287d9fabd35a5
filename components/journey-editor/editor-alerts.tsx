"use client";

import { Alert } from "@/components/ui/alert";
import type { SaveState } from "./use-draft-saving";

/** What happened to the last save, publish or control, above the canvas. */
export function EditorAlerts({
  notice,
  actionError,
  publishProblems,
  saveState,
  archived,
  onReload,
  describeField,
}: {
  notice: string | null;
  actionError: string | null;
  /** How many problems stopped the last publish (0: it did not fail, or they are fixed). */
  publishProblems: number;
  saveState: SaveState;
  archived: boolean;
  onReload: () => void;
  /** A field path from the server ("draft.nodes.3.config.filters.0.path") as people read it. */
  describeField: (field: string) => string;
}) {
  const fieldMessages = saveState.status === "error" ? Object.entries(saveState.fields).filter((entry): entry is [string, string] => Boolean(entry[1])) : [];
  return (
    <div className="mb-4 space-y-2 empty:hidden">
      {notice && <Alert tone="success">{notice}</Alert>}
      {actionError && <Alert tone="error">{actionError}</Alert>}
      {publishProblems > 0 && (
        <Alert tone="error" title="Not published">
          {publishProblems === 1 ? "One problem needs" : `${publishProblems} problems need`} fixing first; they are marked on the steps and listed below the canvas.
        </Alert>
      )}
      {saveState.status === "conflict" && (
        <Alert tone="warning" title="Not saved">
          {saveState.message}{" "}
          <button type="button" className="font-medium underline" onClick={onReload}>
            Reload the journey
          </button>{" "}
          (your changes here are dropped).
        </Alert>
      )}
      {saveState.status === "error" && (
        <Alert tone="error" title="Not saved">
          {fieldMessages.length ? fieldMessages.map(([field, message]) => `${describeField(field)}: ${message}`).join("; ") : saveState.message}
        </Alert>
      )}
      {archived && <Alert tone="info">This journey is archived: it can be looked at, not changed.</Alert>}
    </div>
  );
}
