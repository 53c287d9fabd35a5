import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { ImportPhase } from "@/server/domain/imports/import-fields";

const PHASES: Record<ImportPhase, { label: string; tone: BadgeTone }> = {
  uploading: { label: "Uploading", tone: "neutral" },
  mapping: { label: "Needs mapping", tone: "amber" },
  queued: { label: "Queued", tone: "brand" },
  running: { label: "Importing", tone: "brand" },
  completed: { label: "Completed", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export const isActive = (phase: ImportPhase) => phase === "queued" || phase === "running";

export function ImportStatusBadge({ phase }: { phase: ImportPhase }) {
  const { label, tone } = PHASES[phase];
  return <Badge tone={tone}>{label}</Badge>;
}

type Progress = { phase: ImportPhase; processedRows: number; totalRows: number | null };

/** 0..1, or null while there is nothing to measure yet. */
export const progressOf = ({ phase, processedRows, totalRows }: Progress) =>
  phase === "completed" ? 1 : totalRows ? Math.min(1, processedRows / totalRows) : null;

/** A bar for queued and running imports; reading the file fills most of it, saving the rest. */
export function ImportProgressBar({ progress, className }: { progress: Progress; className?: string }) {
  const value = progressOf(progress);
  const percent = value === null ? null : Math.round(value * 100);
  return (
    <div
      role="progressbar"
      aria-label="Import progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-100", className)}
    >
      <div
        className={cn("h-full rounded-full bg-brand-600 transition-[width] duration-500", percent === null && "w-1/3 animate-pulse")}
        style={percent === null ? undefined : { width: `${Math.max(2, percent)}%` }}
      />
    </div>
  );
}

export const formatCount = (value: number | null | undefined) => (value ?? 0).toLocaleString();
