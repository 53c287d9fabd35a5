"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon, SmsIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { errorCode, errorMessage, formErrors } from "@/lib/trpc-errors";
import { replaceLookalikes } from "@/server/domain/content/sms/sms-characters";
import type { getSmsTemplate } from "@/server/domain/content/sms/get-sms-template";
import { measureDraft, type SmsDraft } from "./draft";
import { MergeTagPicker } from "./merge-tag-picker";
import { MessageBox, type Highlight } from "./message-box";
import { RoutePicker } from "./route-picker";
import { SmsCounter } from "./sms-counter";
import { SmsPreviewCard } from "./sms-preview-card";

type SavedTemplate = Awaited<ReturnType<typeof getSmsTemplate>>;

const FIELDS = ["name", "body", "optOutFooter", "characterPolicy", "routeId"] as const;

const back = (
  <Link href="/templates/sms" className="mb-4 inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-800">
    <ArrowLeftIcon className="size-4" />
    All SMS templates
  </Link>
);

export function SmsComposer({ templateId, canEdit }: { templateId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const template = useQuery(trpc.smsTemplates.get.queryOptions({ templateId }));

  if (template.isLoading) {
    return (
      <div role="status" aria-label="Loading" className="space-y-4">
        {back}
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (template.error || !template.data) {
    const missing = ["NOT_FOUND", "BAD_REQUEST"].includes(errorCode(template.error) ?? "");
    return (
      <>
        {back}
        {missing ? (
          <EmptyState icon={<SmsIcon />} title="SMS template not found" description="It may belong to another workspace, or the link is wrong." />
        ) : (
          <Alert tone="error">{errorMessage(template.error)}</Alert>
        )}
      </>
    );
  }
  // Keyed by id only: a save updates `saved` in place, so the cursor and focus survive it.
  return <ComposerForm key={template.data.id} saved={template.data} canEdit={canEdit} />;
}

const draftOf = (template: SavedTemplate): SmsDraft => ({
  name: template.name,
  body: template.body,
  optOutFooter: template.optOutFooter,
  characterPolicy: template.characterPolicy,
  routeId: template.routeId,
});

/** `canEdit` is the role's; an archived template is read-only for everyone until restored. */
function ComposerForm({ saved: initial, canEdit: mayEdit }: { saved: SavedTemplate; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const routes = useQuery(trpc.smsRoutes.list.queryOptions());
  const update = useMutation(trpc.smsTemplates.update.mutationOptions());
  const archive = useMutation(trpc.smsTemplates.archive.mutationOptions());
  const [saved, setSaved] = useState(initial);
  // The query's copy: archive and restore change it (the form's own copy tracks saves).
  const archived = initial.archivedAt !== null;
  const canEdit = mayEdit && !archived;
  const [draft, setDraft] = useState<SmsDraft>(() => draftOf(initial));
  const [justSaved, setJustSaved] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingCursor = useRef<number | null>(null);

  const route = routes.data?.find((r) => r.id === draft.routeId) ?? null;
  const measure = measureDraft(draft, route);
  const ucs2Chars = new Set(measure.ucs2Characters.map((c) => c.char));
  const removedChars = new Set(measure.removed.map((c) => c.char));
  const highlight = (char: string): Highlight | null => (ucs2Chars.has(char) ? "ucs2" : removedChars.has(char) ? "removed" : null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  const errors = update.error ? formErrors(update.error, FIELDS) : null;

  const edit = (change: Partial<SmsDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setJustSaved(false);
  };

  // Unsaved words are easy to lose with a stray click on the sidebar.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // After a merge tag goes in, put the cursor just after it (once React has written the new value).
  useLayoutEffect(() => {
    if (pendingCursor.current === null || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  });

  const insertTag = (tag: string) => {
    const element = textarea.current;
    // A textarea keeps its selection after losing focus to the picker, so this is where the cursor was.
    const start = element?.selectionStart ?? draft.body.length;
    const end = element?.selectionEnd ?? start;
    pendingCursor.current = start + tag.length;
    edit({ body: draft.body.slice(0, start) + tag + draft.body.slice(end) });
  };

  const replaceAll = () =>
    edit({ body: replaceLookalikes(draft.body).text, optOutFooter: replaceLookalikes(draft.optOutFooter).text });

  const save = () =>
    update.mutate(
      { templateId: saved.id, expectedRevision: saved.revision, ...draft },
      {
        onSuccess: (template) => {
          setSaved({ ...template, route });
          setJustSaved(true);
          void queryClient.invalidateQueries({ queryKey: trpc.smsTemplates.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.smsRoutes.list.queryKey() });
        },
      },
    );

  return (
    <>
      {back}
      <PageHeader
        title={saved.name}
        description={
          archived
            ? "This template is archived. Restore it to edit it."
            : canEdit
              ? "Write the message; the counter shows its segments as carriers bill them."
              : "You can preview this template; changing it needs the editor role."
        }
        actions={
          <>
            {justSaved && !dirty && <Badge tone="green">Saved</Badge>}
            {dirty && <Badge tone="amber">Unsaved changes</Badge>}
            {archived ? (
              mayEdit && (
                <Button
                  variant="secondary"
                  pending={archive.isPending}
                  onClick={() =>
                    archive.mutate(
                      { templateId: saved.id, archived: false },
                      { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.smsTemplates.pathKey() }) },
                    )
                  }
                >
                  Restore
                </Button>
              )
            ) : (
              canEdit && (
                <>
                  <Button
                    variant="danger-ghost"
                    pending={archive.isPending}
                    onClick={() =>
                      archive.mutate(
                        { templateId: saved.id },
                        {
                          onSuccess: async () => {
                            await queryClient.invalidateQueries({ queryKey: trpc.smsTemplates.pathKey() });
                            router.push("/templates/sms");
                          },
                        },
                      )
                    }
                  >
                    Archive
                  </Button>
                  <Button onClick={save} pending={update.isPending} disabled={!dirty}>
                    Save
                  </Button>
                </>
              )
            )}
          </>
        }
      />
      {archive.error && (
        <Alert tone="error" className="mb-4">
          {errorMessage(archive.error)}
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardContent>
            <Form
              noValidate
              className="space-y-5"
              onSubmit={(event) => {
                event.preventDefault();
                if (canEdit && dirty) save();
              }}
            >
              {errors?.form && <Alert tone="error">{errors.form}</Alert>}
              <Field label="Name" error={errors?.fields.name}>
                {(control) => (
                  <Input {...control} value={draft.name} readOnly={!canEdit} maxLength={200} onChange={(event) => edit({ name: event.target.value })} />
                )}
              </Field>
              <Field
                label="Message"
                error={errors?.fields.body}
                labelAside={<MergeTagPicker onInsert={insertTag} disabled={!canEdit} />}
              >
                {(control) => (
                  <MessageBox
                    {...control}
                    textareaRef={textarea}
                    value={draft.body}
                    readOnly={!canEdit}
                    highlight={highlight}
                    onChange={(body) => edit({ body })}
                  />
                )}
              </Field>
              <SmsCounter measure={measure} route={route} canEdit={canEdit} onReplace={replaceAll} />
              <Field label="Opt-out footer" hint="Added on its own line to every message." error={errors?.fields.optOutFooter}>
                {(control) => (
                  <Input
                    {...control}
                    value={draft.optOutFooter}
                    readOnly={!canEdit}
                    maxLength={200}
                    placeholder="Reply STOP to opt out"
                    onChange={(event) => edit({ optOutFooter: event.target.value })}
                  />
                )}
              </Field>
              <Field
                label="Lookalike characters"
                hint="Smart quotes, dashes and odd spaces make a whole message UCS-2. Replacing them when sending also covers what merge tags bring in."
                error={errors?.fields.characterPolicy}
              >
                {(control) => (
                  <Select
                    {...control}
                    value={draft.characterPolicy}
                    disabled={!canEdit}
                    onChange={(event) => edit({ characterPolicy: event.target.value as SmsDraft["characterPolicy"] })}
                  >
                    <option value="keep">Keep as written</option>
                    <option value="replace">Replace with GSM-7 lookalikes when sending</option>
                  </Select>
                )}
              </Field>
              <RoutePicker
                routes={routes.data ?? []}
                routeId={draft.routeId}
                segments={measure.segments}
                disabled={!canEdit}
                error={errors?.fields.routeId}
                onChange={(routeId) => edit({ routeId })}
              />
            </Form>
          </CardContent>
        </Card>
        <div className="space-y-6">
          <SmsPreviewCard templateId={saved.id} draft={draft} />
        </div>
      </div>
    </>
  );
}
