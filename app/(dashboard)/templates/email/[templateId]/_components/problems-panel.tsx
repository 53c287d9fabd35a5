"use client";

import { Badge } from "@/components/ui/badge";
import type { TemplateProblem } from "./use-template-draft";

const FIELD_LABELS: Record<string, string> = { source: "Design", subject: "Subject", preheader: "Preheader", textBody: "Plain text", body: "Body" };

/** Every problem at once, errors first, each pointing at the field and line it is about. */
export function ProblemsPanel({ problems }: { problems: readonly TemplateProblem[] | null }) {
  if (!problems) return null;
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  if (problems.length === 0)
    return (
      <p role="status" className="text-sm text-emerald-700">
        No problems found.
      </p>
    );
  return (
    <section aria-label="Problems" className="rounded-lg border border-slate-200 bg-white">
      <h2 className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 text-sm font-medium text-slate-900">
        Problems
        {errors.length > 0 && <Badge tone="red">{errors.length} {errors.length === 1 ? "error" : "errors"}</Badge>}
        {warnings.length > 0 && <Badge tone="amber">{warnings.length} {warnings.length === 1 ? "warning" : "warnings"}</Badge>}
      </h2>
      <ul className="max-h-48 divide-y divide-slate-100 overflow-y-auto text-sm">
        {[...errors, ...warnings].map((problem, index) => (
          <li key={index} className="flex gap-2 px-3 py-1.5">
            <span className={problem.severity === "error" ? "font-medium text-red-700" : "font-medium text-amber-700"}>
              {problem.severity === "error" ? "Error" : "Warning"}
            </span>
            <span className="text-slate-500">
              {FIELD_LABELS[problem.field] ?? problem.field}
              {problem.line ? ` line ${problem.line}${problem.column ? `:${problem.column}` : ""}` : ""}
            </span>
            <span className="min-w-0 text-slate-800">{problem.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
