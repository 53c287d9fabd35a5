"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/trpc/root";
import type { inferRouterOutputs } from "@trpc/server";

export type LoadedTemplate = inferRouterOutputs<AppRouter>["emailTemplates"]["get"];
export type TemplateProblem = inferRouterOutputs<AppRouter>["emailTemplates"]["update"]["problems"][number];

export type Draft = {
  name: string;
  subject: string;
  preheader: string;
  sendingIdentityId: string | null;
  replyTo: string;
  source: string;
  builderData: unknown;
  textBody: string;
  textCustom: boolean;
};

const fromTemplate = (t: LoadedTemplate): Draft => ({
  name: t.name,
  subject: t.subject,
  preheader: t.preheader,
  sendingIdentityId: t.sendingIdentity?.id ?? null,
  replyTo: t.replyTo ?? "",
  source: t.source,
  builderData: t.builderData,
  textBody: t.textBody,
  textCustom: t.textCustom,
});

type DraftKey = keyof Draft;
const KEYS: DraftKey[] = ["name", "subject", "preheader", "sendingIdentityId", "replyTo", "source", "builderData", "textBody", "textCustom"];

/**
 * The editor's working copy: what the marketer changed since the last save, saved with the revision
 * it was based on (so two people editing never overwrite each other silently), with only the changed
 * fields sent. Leaving with unsaved changes asks first.
 */
export function useTemplateDraft(template: LoadedTemplate) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Draft>(() => fromTemplate(template));
  const [draft, setDraft] = useState<Draft>(saved);
  const [revision, setRevision] = useState(template.revision);
  const [problems, setProblems] = useState<TemplateProblem[] | null>(null);
  const update = useMutation(trpc.emailTemplates.update.mutationOptions());
  const changed = KEYS.filter((key) => draft[key] !== saved[key]);
  const dirty = changed.length > 0;

  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const change = useCallback((patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch })), []);

  const save = () => {
    const snapshot = draft;
    const patch: Record<string, unknown> = {};
    for (const key of changed) patch[key] = snapshot[key];
    if ("replyTo" in patch) patch.replyTo = snapshot.replyTo.trim() || null;
    update.mutate(
      { templateId: template.id, expectedRevision: revision, ...patch },
      {
        onSuccess: (result) => {
          const next = { ...snapshot, textBody: result.textBody };
          setSaved(next);
          setDraft((current) => (current === snapshot ? next : { ...current, textBody: current.textCustom ? current.textBody : result.textBody }));
          setRevision(result.revision);
          setProblems(result.problems);
          void queryClient.invalidateQueries({ queryKey: trpc.emailTemplates.list.queryKey() });
        },
      },
    );
  };

  return { draft, change, dirty, save, saving: update.isPending, saveError: update.error, problems, revision };
}
