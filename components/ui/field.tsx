"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { FieldError } from "./field-error";
import { Label } from "./label";

export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/**
 * A labelled control with its hint and inline error, wired for assistive technology: the label
 * names the control, the hint and error describe it, and aria-invalid marks it while wrong.
 */
export function Field({
  label,
  hint,
  error,
  className,
  labelAside,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  labelAside?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAside}
      </div>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hintId && (
        <div id={hintId} className="text-xs text-slate-500">
          {hint}
        </div>
      )}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
