"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { JourneySettings } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";
import { EventNameInput } from "./event-name-input";
import { IntegerInput, problemAt } from "./form-kit";
import { PropertyFilters } from "./property-filters";

/** The journey as a whole: its name, who may enter again, the goal that takes contacts out, messaging limits. */
export function SettingsForm({
  name,
  description,
  settings,
  problems,
  onName,
  onDescription,
  onSettings,
}: {
  name: string;
  description: string;
  settings: JourneySettings;
  problems: JourneyProblem[];
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  onSettings: (settings: JourneySettings) => void;
}) {
  const { entry, goal } = settings;
  return (
    <section aria-label="Journey settings" className="space-y-4">
      <h2 className="text-base font-semibold text-slate-900">Journey settings</h2>
      <Field label="Journey name">
        {(control) => <Input {...control} value={name} maxLength={200} onChange={(event) => onName(event.target.value)} />}
      </Field>
      <Field label="Description" hint="Optional: what it is for.">
        {(control) => <Input {...control} value={description} maxLength={500} onChange={(event) => onDescription(event.target.value)} />}
      </Field>
      <Field label="Contacts may enter" error={problemAt(problems, "settings.entry")}>
        {(control) => (
          <Select
            {...control}
            value={entry.mode}
            onChange={(event) => onSettings({ ...settings, entry: event.target.value === "once" ? { mode: "once" } : { mode: "again_after", days: 30 } })}
          >
            <option value="once">Once ever</option>
            <option value="again_after">Again, after some days</option>
          </Select>
        )}
      </Field>
      {entry.mode === "again_after" && (
        <Field label="Days before entering again" hint="Counted from when they last entered; 0 lets them in again as soon as they leave.">
          {(control) => <IntegerInput {...control} value={entry.days} min={0} max={3650} onValue={(days) => onSettings({ ...settings, entry: { mode: "again_after", days } })} />}
        </Field>
      )}
      <div className="space-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300"
            checked={goal !== null}
            onChange={(event) => onSettings({ ...settings, goal: event.target.checked ? { eventName: "", filters: [] } : null })}
          />
          Goal: leave the journey when an event happens
        </label>
        {goal && (
          <>
            <Field label="Goal event" error={problemAt(problems, "settings.goal")}>
              {(control) => <EventNameInput control={control} value={goal.eventName} placeholder="order_placed" onChange={(eventName) => onSettings({ ...settings, goal: { ...goal, eventName } })} />}
            </Field>
            <PropertyFilters label="Goal event property filters" filters={goal.filters} onChange={(filters) => onSettings({ ...settings, goal: { ...goal, filters } })} />
          </>
        )}
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300"
          checked={settings.respectMessagingLimits}
          onChange={(event) => onSettings({ ...settings, respectMessagingLimits: event.target.checked })}
        />
        <span>
          Respect messaging limits
          <span className="block text-xs text-slate-500">The workspace&apos;s frequency cap and quiet hours apply (untick for receipts and other messages people expect at once).</span>
        </span>
      </label>
    </section>
  );
}
