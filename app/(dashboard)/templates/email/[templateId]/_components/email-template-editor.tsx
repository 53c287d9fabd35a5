"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { AttachmentList } from "@/components/files/attachment-list";
import { uploadFile } from "@/components/files/upload-file";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage, fieldErrors } from "@/lib/trpc-errors";
import type { PickedContact } from "@/components/content/contact-picker";
import { BodyEditor } from "./body-editor";
import { PlainTextEditor } from "./plain-text-editor";
import { PreviewPane } from "./preview-pane";
import { ProblemsPanel } from "./problems-panel";
import { SendTestDialog } from "./send-test-dialog";
import { TemplateDetails } from "./template-details";
import { useTemplateDraft, type LoadedTemplate, type TemplateProblem } from "./use-template-draft";

export function EmailTemplateEditor({ templateId, canEdit }: { templateId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const template = useQuery({ ...trpc.emailTemplates.get.queryOptions({ templateId }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (template.isLoading)
    return (
      <div className="flex items-center gap-2 text-sm text-slate-500">
        <Spinner /> Loading the template…
      </div>
    );
  if (template.error || !template.data) return <Alert tone="error">{errorMessage(template.error)}</Alert>;
  return <LoadedEditor template={template.data} canEdit={canEdit} />;
}

type Tab = "design" | "preview" | "text" | "attachments";

function LoadedEditor({ template, canEdit }: { template: LoadedTemplate; canEdit: boolean }) {
  const trpc = useTRPC();
  const mergeTags = useQuery(trpc.emailTemplates.mergeTags.queryOptions()).data ?? [];
  const me = useQuery(trpc.me.get.queryOptions()).data;
  const { draft, change, dirty, save, saving, saveError, problems: savedProblems } = useTemplateDraft(template);
  const [liveProblems, setLiveProblems] = useState<TemplateProblem[] | null>(null);
  const [tab, setTab] = useState<Tab>(canEdit ? "design" : "preview");
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [testing, setTesting] = useState(false);
  const problems = liveProblems ?? savedProblems;
  const errors = saveError ? fieldErrors(saveError) : {};

  const uploadImage = useCallback(async (file: File) => {
    const uploaded = await uploadFile(file, "image");
    return { url: uploaded.url! };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key === "s") {
        event.preventDefault();
        if (canEdit && dirty && !saving) save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const tabs: { id: Tab; label: string }[] = [
    ...(canEdit ? [{ id: "design" as const, label: "Design" }] : []),
    { id: "preview", label: "Preview" },
    { id: "text", label: "Plain text" },
    { id: "attachments", label: "Attachments" },
  ];

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/templates" className="text-slate-500 hover:text-slate-900" aria-label="Back to templates">
          <ArrowLeftIcon className="size-5" />
        </Link>
        <Input
          aria-label="Template name"
          value={draft.name}
          disabled={!canEdit}
          onChange={(event) => change({ name: event.target.value })}
          className="h-9 max-w-md flex-1 border-transparent text-lg font-semibold hover:border-slate-300"
        />
        <span role="status" className={cn("text-sm", dirty ? "text-amber-700" : "text-slate-500")}>
          {saving ? "Saving…" : dirty ? "Unsaved changes" : "All changes saved"}
        </span>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" onClick={() => setTesting(true)}>
            Send test
          </Button>
          {canEdit && (
            <Button onClick={save} pending={saving} disabled={!dirty}>
              Save
            </Button>
          )}
        </div>
      </div>
      {saveError && <Alert tone="error">{errorMessage(saveError)}</Alert>}
      <Card className="p-4">
        <TemplateDetails draft={draft} change={change} mergeTags={mergeTags} problems={problems} fieldErrors={errors} disabled={!canEdit} />
      </Card>
      <ProblemsPanel problems={problems} />
      <div>
        <nav aria-label="Template sections" className="mb-4 flex gap-6 border-b border-slate-200">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              aria-current={tab === t.id ? "page" : undefined}
              onClick={() => setTab(t.id)}
              className={cn(
                "-mb-px border-b-2 px-1 pb-2 text-sm font-medium",
                tab === t.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {t.label}
            </button>
          ))}
        </nav>
        {/* The builder stays mounted across tabs: GrapesJS keeps undo history and selection in memory. */}
        {canEdit && (
          <div hidden={tab !== "design"} className={cn(template.editor === "code" && "grid gap-4 xl:grid-cols-2")}>
            <BodyEditor template={template} draft={draft} change={change} mergeTags={mergeTags} uploadImage={uploadImage} problems={problems} />
            {template.editor === "code" && tab === "design" && (
              <PreviewPane templateId={template.id} draft={draft} contact={contact} onContactChange={setContact} onProblems={setLiveProblems} compact />
            )}
          </div>
        )}
        {tab === "preview" && <PreviewPane templateId={template.id} draft={draft} contact={contact} onContactChange={setContact} onProblems={setLiveProblems} />}
        {tab === "text" && <PlainTextEditor draft={draft} change={change} disabled={!canEdit} />}
        {tab === "attachments" && <AttachmentList templateId={template.id} />}
      </div>
      <SendTestDialog
        open={testing}
        onClose={() => setTesting(false)}
        templateId={template.id}
        contact={contact}
        defaultTo={me?.user.email ?? ""}
        unsaved={dirty}
      />
    </div>
  );
}
