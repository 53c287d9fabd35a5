"use client";

import { useState, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import type { ScalarValue, ValueType } from "@/server/domain/segments/segment-rules";
import { rowControl } from "./builder-context";

const parseNumber = (text: string): ScalarValue => {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const number = Number(trimmed);
  // Left as text when it is not a number, so the server names the problem beside this rule.
  return Number.isFinite(number) ? number : trimmed;
};

export const parseScalar = (type: ValueType, text: string): ScalarValue => (type === "number" ? parseNumber(text) : text);

type TextProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & { invalid?: boolean };

/**
 * Text kept as the person typed it ("1." or "4, 5,") while the rule gets the parsed value. When
 * the value changes from outside (another rule removed above this one, an operator switched),
 * the text follows it.
 */
function useText<T>(value: T, format: (value: T) => string, parse: (text: string) => T, onChange: (value: T) => void) {
  const [text, setText] = useState(() => format(value));
  const [emitted, setEmitted] = useState(value);
  if (JSON.stringify(value) !== JSON.stringify(emitted) && !Object.is(value, emitted)) {
    setEmitted(value);
    setText(format(value));
  }
  return {
    value: text,
    onChange: (event: { target: { value: string } }) => {
      const parsed = parse(event.target.value);
      setText(event.target.value);
      setEmitted(parsed);
      onChange(parsed);
    },
  };
}

/** One value: text, a number, or a date (a native date picker). */
export function ScalarInput({
  type,
  value,
  onChange,
  invalid,
  className,
  width,
  ...props
}: TextProps & { type: ValueType; value: ScalarValue | undefined; onChange: (value: ScalarValue) => void; width?: string }) {
  const text = useText<ScalarValue | undefined>(value, (v) => (v === undefined ? "" : String(v)), (t) => parseScalar(type, t), (v) => onChange(v ?? ""));
  return (
    <input
      {...props}
      type={type === "date" ? "date" : "text"}
      inputMode={type === "number" ? "decimal" : undefined}
      {...text}
      aria-invalid={invalid || undefined}
      // cn does not merge classes, so a width comes as its own prop rather than in className.
      className={cn(rowControl, width ?? (type === "date" ? "w-40" : type === "number" ? "w-28" : "w-48"), className)}
    />
  );
}

/** Several values, comma-separated ("Taipei, Macau"). */
export function ListInput({
  type,
  value,
  onChange,
  invalid,
  className,
  ...props
}: TextProps & { type: ValueType; value: ScalarValue[]; onChange: (value: ScalarValue[]) => void }) {
  const text = useText(
    value,
    (values) => values.join(", "),
    (typed) =>
      typed
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => parseScalar(type, item)),
    onChange,
  );
  return (
    <input
      {...props}
      type="text"
      {...text}
      aria-invalid={invalid || undefined}
      className={cn(rowControl, "w-64", className)}
    />
  );
}

/** A whole number of days. */
export function DaysInput({ value, onChange, invalid, className, ...props }: TextProps & { value: number; onChange: (days: number) => void }) {
  const text = useText(
    value,
    (days) => (Number.isFinite(days) ? String(days) : ""),
    (typed) => (typed.trim() && Number.isFinite(Number(typed)) ? Number(typed) : Number.NaN),
    onChange,
  );
  return (
    <input
      {...props}
      type="number"
      min={0}
      step={1}
      {...text}
      aria-invalid={invalid || undefined}
      className={cn(rowControl, "w-20", className)}
    />
  );
}

export function RowSelect({
  value,
  onChange,
  children,
  className,
  ...props
}: Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "onChange"> & { onChange: (value: string) => void }) {
  return (
    <select {...props} value={value} onChange={(event) => onChange(event.target.value)} className={cn(rowControl, "pr-7", className)}>
      {children}
    </select>
  );
}
