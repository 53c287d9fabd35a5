"use client";

import { cn } from "@/lib/cn";
import { PERIODS, type Period } from "./report-format";

/** The same pressed-button group as the list growth card's range. */
export function PeriodSwitcher({ value, onChange }: { value: Period; onChange: (days: Period) => void }) {
  return (
    <div role="group" aria-label="Period" className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5">
      {PERIODS.map((days) => (
        <button
          key={days}
          type="button"
          aria-pressed={value === days}
          onClick={() => onChange(days)}
          className={cn("rounded-md px-2.5 py-1 text-sm font-medium", value === days ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}
        >
          {days} days
        </button>
      ))}
    </div>
  );
}
