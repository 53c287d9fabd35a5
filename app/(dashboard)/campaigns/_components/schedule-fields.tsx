"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import type { CampaignDraft, ScheduleMode } from "./campaign-draft";

const MODES: { value: ScheduleMode; title: string; description: string }[] = [
  { value: "now", title: "Now", description: "Starts as soon as you launch." },
  { value: "at", title: "At a date and time", description: "Starts at that moment, in your timezone." },
  { value: "local", title: "At a local time", description: "Each recipient gets it at that time in their own timezone." },
];

/** When it goes: now, at a moment, or at a wall-clock time wherever each recipient lives. */
export function ScheduleFields({
  draft,
  change,
  errors,
  timezone,
}: {
  draft: CampaignDraft;
  change: (patch: Partial<CampaignDraft>) => void;
  errors: Record<string, string | undefined>;
  timezone: string;
}) {
  const name = useId();
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="sr-only">When to send</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {MODES.map((mode) => (
            <label
              key={mode.value}
              className={cn(
                "cursor-pointer rounded-lg border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                draft.schedule === mode.value ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300",
              )}
            >
              <span className="flex items-center gap-2">
                <input
                  type="radio"
                  name={name}
                  value={mode.value}
                  checked={draft.schedule === mode.value}
                  onChange={() => change({ schedule: mode.value })}
                  className="size-4 accent-brand-600"
                />
                <span className="font-medium text-slate-900">{mode.title}</span>
              </span>
              <span className="mt-1 block text-slate-600">{mode.description}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.schedule === "at" && (
        <Field label="Send at" hint={`Your timezone: ${timezone}.`} error={errors.sendAt} className="max-w-xs">
          {(control) => <Input {...control} type="datetime-local" value={draft.sendAt} onChange={(event) => change({ sendAt: event.target.value })} />}
        </Field>
      )}
      {draft.schedule === "local" && (
        <div className="grid max-w-xl gap-4 sm:grid-cols-2">
          <Field
            label="Local time"
            hint="In each contact's timezone; UTC for contacts without one."
            error={errors.localSendTime}
          >
            {(control) => <Input {...control} type="time" value={draft.localTime} onChange={(event) => change({ localTime: event.target.value })} />}
          </Field>
          <Field label="Starting on" hint="Optional. Left empty, the next time that hour comes round." error={errors.sendAt}>
            {(control) => <Input {...control} type="date" value={draft.localDate} onChange={(event) => change({ localDate: event.target.value })} />}
          </Field>
        </div>
      )}
    </div>
  );
}
