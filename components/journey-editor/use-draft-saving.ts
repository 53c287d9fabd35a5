"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { errorCode, errorMessage, fieldErrors } from "@/lib/trpc-errors";
import type { JourneyDefinition } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";

export const AUTOSAVE_DELAY_MS = 1_200;

type Draft = { definition: JourneyDefinition; name: string; description: string };
type Saved = { json: string; name: string; description: string; revision: number };

export type SaveState =
  | { status: "idle" | "saving" | "saved" }
  | { status: "conflict"; message: string }
  | { status: "error"; message: string; fields: Record<string, string | undefined>; json: string };

/**
 * Saves the draft with the revision it was based on: after each save the next one names the new
 * revision, so someone else's save in between comes back as a conflict instead of being
 * overwritten. Saves run one at a time; edits made meanwhile go in the next one. Autosaves a moment
 * after the last edit (not while a save that failed on the same content would only fail again).
 */
export function useDraftSaving({ journeyId, draft, revision, enabled }: { journeyId: string; draft: Draft; revision: number; enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // mutateAsync keeps its identity across renders, so `save` does too.
  const { mutateAsync: saveDraft } = useMutation(trpc.journeys.saveDraft.mutationOptions());
  const json = JSON.stringify(draft.definition);
  const saved = useRef<Saved>({ json, name: draft.name, description: draft.description, revision });
  const latest = useRef(draft);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const [state, setState] = useState<SaveState>({ status: "idle" });
  const [serverProblems, setServerProblems] = useState<{ definition: JourneyDefinition; problems: JourneyProblem[] } | null>(null);

  useLayoutEffect(() => {
    latest.current = draft;
  });

  const isDirty = useCallback(() => {
    const { definition, name, description } = latest.current;
    return JSON.stringify(definition) !== saved.current.json || name !== saved.current.name || description !== saved.current.description;
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (!isDirty()) return true;
    const { definition, name, description } = latest.current;
    const body = JSON.stringify(definition);
    setState({ status: "saving" });
    const run = saveDraft({ journeyId, draft: definition, expectedRevision: saved.current.revision, name, description })
      .then((result) => {
        saved.current = { json: body, name, description, revision: result.draftRevision };
        setState({ status: "saved" });
        setServerProblems({ definition, problems: result.problems });
        // The list's "updated" and the page's "unpublished changes" follow the save.
        void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.journeys.get.queryKey({ journeyId }) });
        return true;
      })
      .catch((error: unknown) => {
        if (errorCode(error) === "CONFLICT") setState({ status: "conflict", message: errorMessage(error) });
        else setState({ status: "error", message: errorMessage(error), fields: fieldErrors(error), json: body });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    return run;
  }, [isDirty, journeyId, queryClient, saveDraft, trpc]);

  const dirty = json !== saved.current.json || draft.name !== saved.current.name || draft.description !== saved.current.description;
  const blocked = state.status === "conflict" || (state.status === "error" && state.json === json) || state.status === "saving";
  useEffect(() => {
    if (!enabled || !dirty || blocked) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, dirty, blocked, json, draft.name, draft.description, save]);

  // Leaving the page within the autosave delay: in-app navigation saves on the way out; closing the tab asks first.
  // (Through refs: `save` changes identity with the mutation's state, and this must run on unmount only.)
  const onLeave = useRef({ enabled, save });
  useLayoutEffect(() => {
    onLeave.current = { enabled, save };
  });
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (onLeave.current.enabled && isDirty()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (onLeave.current.enabled && isDirty()) void onLeave.current.save();
    };
  }, [isDirty]);

  return {
    save,
    state,
    dirty,
    isDirty,
    /** The revision the next save or publish is based on. */
    revision: () => saved.current.revision,
    serverProblems,
    setServerProblems,
  };
}
