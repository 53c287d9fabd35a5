"use client";

import type { CampaignStage, StageState } from "@/components/campaigns/campaign-stages";
import { PausedIcon } from "@/components/campaigns/campaign-status";
import { CheckIcon } from "@/components/shell/icons";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";

const STATE_WORDS: Record<StageState, string> = { done: "done", active: "in progress", waiting: "waiting", stopped: "stopped" };

function StageMarker({ state, paused }: { state: StageState; paused: boolean }) {
  if (state === "done")
    return (
      <span className="grid size-7 place-items-center rounded-full bg-emerald-600 text-white">
        <CheckIcon className="size-4" />
      </span>
    );
  if (state === "active")
    return (
      <span className="grid size-7 place-items-center rounded-full bg-brand-50 text-brand-700 ring-2 ring-brand-500">
        {paused ? <PausedIcon className="size-4 text-amber-600" /> : <Spinner className="size-4" />}
      </span>
    );
  if (state === "stopped")
    return (
      <span className="grid size-7 place-items-center rounded-full bg-slate-200 text-slate-600">
        <span className="block h-0.5 w-3 rounded bg-current" />
      </span>
    );
  return <span className="block size-7 rounded-full border-2 border-dashed border-slate-300" />;
}

/** The pipeline, live: each stage with its marker, count and state in words (for screen readers and tests). */
export function StagesCard({ stages, paused }: { stages: CampaignStage[]; paused: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Progress</CardTitle>
      </CardHeader>
      <CardContent>
        <ol aria-label="Stages" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
          {stages.map((stage) => (
            <li key={stage.key} aria-label={stage.label} data-state={stage.state} className="flex gap-3 xl:flex-col xl:gap-2">
              <StageMarker state={stage.state} paused={paused} />
              <div className="min-w-0 flex-1 space-y-1">
                <p className="text-sm font-medium text-slate-900">
                  {stage.label}
                  <span className={cn("ml-2 text-xs font-normal", stage.state === "active" ? "text-brand-700" : "text-slate-500")}>
                    {stage.state === "active" && paused ? "paused" : STATE_WORDS[stage.state]}
                  </span>
                </p>
                <p className="text-sm text-slate-600 tabular-nums">{stage.detail}</p>
                {stage.progress && (
                  <div
                    role="progressbar"
                    aria-label={`${stage.label} progress`}
                    aria-valuemin={0}
                    aria-valuemax={stage.progress.max}
                    aria-valuenow={stage.progress.value}
                    className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100"
                  >
                    <div
                      className={cn("h-full rounded-full transition-[width] duration-500", stage.state === "done" ? "bg-emerald-500" : "bg-brand-500")}
                      style={{ width: `${Math.min(100, (stage.progress.value / stage.progress.max) * 100)}%` }}
                    />
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
