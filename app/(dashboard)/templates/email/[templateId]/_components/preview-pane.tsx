"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { useDebounced } from "@/lib/use-debounced";
import { errorMessage } from "@/lib/trpc-errors";
import { ContactPicker, type PickedContact } from "@/components/content/contact-picker";
import { EmailPreviewFrame } from "../../../_components/email-preview-frame";
import type { Draft, TemplateProblem } from "./use-template-draft";

const WIDTHS = { desktop: { label: "Desktop", px: 720 }, mobile: { label: "Mobile", px: 375 } } as const;
type Device = keyof typeof WIDTHS;

/**
 * The message as one recipient would get it, following unsaved edits (debounced), for the sample
 * person or a chosen contact, at desktop or phone width, as HTML or plain text.
 */
export function PreviewPane({
  templateId,
  draft,
  contact,
  onContactChange,
  onProblems,
  compact = false,
}: {
  templateId: string;
  draft: Draft;
  contact: PickedContact | null;
  onContactChange: (contact: PickedContact | null) => void;
  onProblems?: (problems: TemplateProblem[]) => void;
  compact?: boolean;
}) {
  const trpc = useTRPC();
  const [device, setDevice] = useState<Device>("desktop");
  const [view, setView] = useState<"html" | "text">("html");
  const preview = useMutation(trpc.emailTemplates.preview.mutationOptions());
  // Debounced as a string, so an unchanged draft never re-renders or re-previews.
  const key = useDebounced(
    JSON.stringify({ subject: draft.subject, preheader: draft.preheader, source: draft.source, textBody: draft.textBody, textCustom: draft.textCustom, contactId: contact?.id ?? null }),
    500,
  );
  const { mutate } = preview;
  useEffect(() => {
    const { contactId, ...fields } = JSON.parse(key) as Pick<Draft, "subject" | "preheader" | "source" | "textBody" | "textCustom"> & { contactId: string | null };
    mutate({ templateId, contactId, draft: fields }, { onSuccess: (result) => onProblems?.(result.problems) });
    // onProblems is a callback from the parent; re-rendering it must not re-run the preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, templateId, mutate]);

  const result = preview.data;
  return (
    <section aria-label="Preview" className="flex min-h-0 flex-col gap-3">
      <ContactPicker contact={contact} onChange={onContactChange} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Toggle label="Preview width" options={Object.entries(WIDTHS).map(([id, w]) => ({ id: id as Device, label: w.label }))} active={device} onChange={setDevice} />
        <Toggle label="Preview part" options={[{ id: "html", label: "HTML" }, { id: "text", label: "Plain text" }]} active={view} onChange={setView} />
        {preview.isPending && <Spinner className="size-4" />}
      </div>
      {preview.error && <Alert tone="error">{errorMessage(preview.error)}</Alert>}
      {result && (
        <div className="rounded-lg border border-slate-200 bg-white text-sm">
          <p className="border-b border-slate-200 px-3 py-2">
            <span className="text-slate-500">Subject </span>
            <strong data-testid="preview-subject" className="font-medium text-slate-900">{result.subject ?? "—"}</strong>
          </p>
          {result.html === null ? (
            <p className="p-4 text-red-700">The template has errors, so there is nothing to show yet. See Problems.</p>
          ) : view === "text" ? (
            <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap p-4 font-mono text-xs text-slate-800">{result.text}</pre>
          ) : (
            <div className={cn("overflow-auto bg-slate-100 p-3", compact ? "h-[60vh]" : "h-[75vh]")}>
              <div className="mx-auto h-full shadow-sm" style={{ width: Math.min(WIDTHS[device].px, compact && device === "desktop" ? 640 : 9999), maxWidth: "100%" }}>
                <EmailPreviewFrame html={result.html} title="Email preview" className="h-full w-full" />
              </div>
            </div>
          )}
          {result.html !== null && (
            <p className={cn("border-t border-slate-200 px-3 py-1.5 text-xs", result.htmlBytes > 102 * 1024 ? "text-amber-700" : "text-slate-500")}>
              {(result.htmlBytes / 1024).toFixed(1)} KB of HTML{result.htmlBytes > 102 * 1024 ? ": Gmail will clip this message" : ""}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Toggle<T extends string>({ label, options, active, onChange }: { label: string; options: { id: T; label: string }[]; active: T; onChange: (id: T) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5">
      {options.map((option) => (
        <button
          key={option.id}
          type="button"
          aria-pressed={active === option.id}
          onClick={() => onChange(option.id)}
          className={cn("rounded-md px-2.5 py-1 text-xs font-medium", active === option.id ? "bg-slate-900 text-white" : "text-slate-600 hover:text-slate-900")}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
