"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { AudienceIds } from "@/components/campaigns/audience-summary";
import { FieldError } from "@/components/ui/field-error";
import { cn } from "@/lib/cn";

type Option = { id: string; name: string; note?: string };

/**
 * Who gets it: lists and segments to send to, and lists and segments to leave out (leaving out wins).
 * Four checklists rather than a search box: workspaces have tens of lists and segments, not thousands.
 */
export function AudiencePicker({
  audience,
  onChange,
  lists,
  segments,
  error,
  errorId,
}: {
  audience: AudienceIds;
  onChange: (audience: AudienceIds) => void;
  lists: Option[];
  segments: Option[];
  error?: string;
  errorId: string;
}) {
  const toggle = (key: keyof AudienceIds, id: string, on: boolean) =>
    onChange({ ...audience, [key]: on ? [...audience[key], id] : audience[key].filter((existing) => existing !== id) });

  const checklist = (key: keyof AudienceIds, legend: string, options: Option[], empty: ReactNode) => (
    <fieldset className="min-w-0">
      <legend className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="max-h-48 space-y-1 overflow-y-auto pr-1">
          {options.map((option) => (
            <li key={option.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  checked={audience[key].includes(option.id)}
                  onChange={(event) => toggle(key, option.id, event.target.checked)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  className="size-4 shrink-0 rounded border-slate-300 accent-brand-600"
                />
                <span className="truncate text-slate-900">{option.name}</span>
                {option.note && <span className="ml-auto shrink-0 text-xs text-slate-500 tabular-nums">{option.note}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );

  const noLists = (
    <>
      No lists yet. <Link href="/lists" className="font-medium text-brand-700 hover:underline">Create one</Link>
    </>
  );
  const noSegments = (
    <>
      No segments yet. <Link href="/segments/new" className="font-medium text-brand-700 hover:underline">Create one</Link>
    </>
  );

  return (
    <div className="space-y-2">
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-label="Send to" className={cn("space-y-3 rounded-lg border p-3", error ? "border-red-300" : "border-slate-200")}>
          <h3 className="text-sm font-medium text-slate-900">Send to</h3>
          {checklist("listIds", "Lists to send to", lists, noLists)}
          {checklist("segmentIds", "Segments to send to", segments, noSegments)}
        </section>
        <section aria-label="Leave out" className="space-y-3 rounded-lg border border-slate-200 p-3">
          <h3 className="text-sm font-medium text-slate-900">Leave out</h3>
          {checklist("excludeListIds", "Lists to leave out", lists, "No lists yet.")}
          {checklist("excludeSegmentIds", "Segments to leave out", segments, "No segments yet.")}
        </section>
      </div>
      <p className="text-xs text-slate-500">
        Contacts on a chosen list (subscribed there) or in a chosen segment, except those left out. Unsubscribed and suppressed addresses are always skipped.
      </p>
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
