"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { errorCode, errorMessage, fieldErrors } from "@/lib/trpc-errors";
import type { SegmentDefinition } from "@/server/domain/segments/segment-rules";
import { countRules, documentProblems, emptyDefinition, problemsByPath } from "../_lib/segment-draft";
import { useDebouncedValue } from "../_lib/use-debounced-value";
import { BuilderProvider, rowControl, type Builder } from "./builder-context";
import { GroupEditor } from "./rule-builder";
import { CountCard, SampleCard, useSegmentPreview } from "./segment-preview";
import { ExportLink } from "@/components/audience/export-link";

type Saved = { id: string; name: string; description: string | null; definition: SegmentDefinition };

const PREVIEW_DELAY_MS = 400;

const timezones = (current: string) => {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...all])];
};

const back = (
  <Link href="/segments" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-800">
    <ArrowLeftIcon className="size-4" />
    Segments
  </Link>
);

function SegmentForm({ saved, canEdit }: { saved: Saved | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.segments.options.queryOptions());
  const [name, setName] = useState(saved?.name ?? "");
  const [description, setDescription] = useState(saved?.description ?? "");
  const [definition, setDefinition] = useState<SegmentDefinition>(saved?.definition ?? emptyDefinition());
  const [deleting, setDeleting] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const settled = useDebouncedValue(definition, PREVIEW_DELAY_MS);
  const preview = useSegmentPreview(settled);
  const create = useMutation(trpc.segments.create.mutationOptions());
  const update = useMutation(trpc.segments.update.mutationOptions());
  const remove = useMutation(trpc.segments.delete.mutationOptions());
  const save = saved ? update : create;

  // Problems come from the live preview (the definition as it stands) and from the last save.
  const previewProblems = preview.count.error && errorCode(preview.count.error) === "BAD_REQUEST" ? fieldErrors(preview.count.error) : {};
  const saveProblems = save.error ? fieldErrors(save.error) : {};
  // Hidden while an edit waits for its preview: rule paths may have shifted since they were found.
  const problems = problemsByPath({ ...(settled === definition ? previewProblems : {}), ...saveProblems });
  const nameError = saveProblems.name;
  const loose = documentProblems(problems);
  const dirty =
    !saved || name !== saved.name || (description || null) !== saved.description || JSON.stringify(definition) !== JSON.stringify(saved.definition);

  const builder: Builder | null = options.data
    ? { options: options.data, problems, edit: (change) => setDefinition((current) => change(current)), readOnly: !canEdit }
    : null;

  const onSave = () => {
    const input = { name, description: description || null, definition };
    if (saved) {
      update.mutate(
        { segmentId: saved.id, ...input },
        {
          onSuccess: async (segment) => {
            setDefinition(segment.definition);
            setSavedAt(new Date());
            await queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
          },
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: async (segment) => {
          await queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
          router.replace(`/segments/${segment.id}`);
        },
      });
    }
  };

  return (
    <>
      {back}
      <PageHeader
        title={saved?.name || "New segment"}
        description={
          canEdit
            ? "Segments select contacts by who they are and what they did, and stay up to date on their own."
            : "You can preview this segment; changing it needs the editor role."
        }
        actions={
          <>
            {saved && !dirty && <ExportLink segmentId={saved.id} />}
            {canEdit && (
              <>
                {saved && (
                  <Button variant="danger-ghost" onClick={() => setDeleting(true)}>
                    Delete
                  </Button>
                )}
                {saved && !dirty && savedAt && <Badge tone="green">Saved</Badge>}
                {saved && dirty && <Badge tone="amber">Unsaved changes</Badge>}
                <Button onClick={onSave} pending={save.isPending} disabled={saved !== null && !dirty}>
                  {saved ? "Save changes" : "Save segment"}
                </Button>
              </>
            )}
          </>
        }
      />

      {save.error && !Object.keys(saveProblems).length && <Alert tone="error" className="mb-4">{errorMessage(save.error)}</Alert>}
      {save.error && Object.keys(saveProblems).length > 0 && (
        <Alert tone="error" className="mb-4">
          The segment was not saved: {Object.keys(saveProblems).length === 1 ? "one problem needs" : "some problems need"} fixing (marked below).
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardContent className="grid gap-4 sm:grid-cols-2">
              <Field label="Name" error={nameError}>
                {(control) => (
                  <Input {...control} value={name} onChange={(e) => setName(e.target.value)} placeholder="Repeat buyers in Hong Kong" maxLength={120} disabled={!canEdit} />
                )}
              </Field>
              <Field label="Description" hint="Optional: what the segment is for." error={saveProblems.description}>
                {(control) => (
                  <Input {...control} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} disabled={!canEdit} />
                )}
              </Field>
            </CardContent>
          </Card>

          <Card>
            <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-4 sm:px-6">
              <div>
                <h2 className="text-base font-semibold text-slate-900">Rules</h2>
                <p className="text-sm text-slate-500">{countRules(definition.root)} of at most 100 rules; groups nest 5 deep.</p>
              </div>
              <label className="flex items-center gap-2 text-sm text-slate-600">
                Dates in
                <select
                  aria-label="Timezone for dates"
                  value={definition.timezone}
                  disabled={!canEdit}
                  onChange={(event) => setDefinition((current) => ({ ...current, timezone: event.target.value }))}
                  className={`${rowControl} max-w-48`}
                >
                  {timezones(definition.timezone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="px-5 py-5 sm:px-6">
              {loose.length > 0 && (
                <Alert tone="error" className="mb-4">
                  {loose.join("; ")}
                </Alert>
              )}
              {options.error ? (
                <Alert tone="error">{errorMessage(options.error)}</Alert>
              ) : !builder ? (
                <div className="space-y-2" role="status" aria-label="Loading">
                  <Skeleton className="h-9 w-64" />
                  <Skeleton className="h-14 w-full" />
                </div>
              ) : (
                <BuilderProvider value={builder}>
                  <GroupEditor group={definition.root} path={[]} depth={1} />
                </BuilderProvider>
              )}
            </div>
          </Card>

          <SampleCard preview={preview} />
        </div>

        <div className="order-first lg:sticky lg:top-6 lg:order-last lg:self-start">
          <CountCard preview={preview} stale={settled !== definition} />
        </div>
      </div>

      {saved && (
        <ConfirmDialog
          open={deleting}
          onClose={() => {
            setDeleting(false);
            remove.reset();
          }}
          title={`Delete “${saved.name}”?`}
          description="The segment's rules are deleted; its contacts are not touched."
          confirmLabel="Delete segment"
          pending={remove.isPending}
          error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
          onConfirm={() =>
            remove.mutate(
              { segmentId: saved.id },
              {
                onSuccess: async () => {
                  await queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
                  router.push("/segments");
                },
              },
            )
          }
        />
      )}
    </>
  );
}

export function SegmentEditor({ segmentId, canEdit }: { segmentId: string | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const segment = useQuery({ ...trpc.segments.get.queryOptions({ segmentId: segmentId ?? "" }), enabled: segmentId !== null });
  if (segmentId === null) return <SegmentForm saved={null} canEdit={canEdit} />;
  if (segment.isLoading) {
    return (
      <div role="status" aria-label="Loading">
        {back}
        <Skeleton className="mb-6 h-8 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (segment.error || !segment.data) {
    return (
      <div>
        {back}
        <Alert tone="error">
          {errorCode(segment.error) === "NOT_FOUND" || errorCode(segment.error) === "BAD_REQUEST"
            ? "There is no such segment in this workspace."
            : errorMessage(segment.error)}
        </Alert>
      </div>
    );
  }
  return <SegmentForm key={segment.data.id} saved={segment.data} canEdit={canEdit} />;
}
