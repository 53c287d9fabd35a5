"use client";

import { useState, type InputHTMLAttributes } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { JourneyNodeOf, JourneyNodeType, UNIT_SECONDS } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";

/** What every node form gets: its node, the problems pinned on it, and how to change it. */
export type NodeFormProps<T extends JourneyNodeType> = {
  node: JourneyNodeOf<T>;
  problems: JourneyProblem[];
  onChange: (node: JourneyNodeOf<T>) => void;
};

/** The message of the first problem about `field` ("config.templateId"), for the Field beside it. */
export const problemAt = (problems: JourneyProblem[], field: string) =>
  problems.find((problem) => problem.field === field || problem.field?.startsWith(`${field}.`))?.message ?? null;

/** A node with a patched config, typed. */
export const withConfig = <T extends JourneyNodeType>(node: JourneyNodeOf<T>, patch: Partial<JourneyNodeOf<T>["config"]>): JourneyNodeOf<T> =>
  ({ ...node, config: { ...node.config, ...patch } }) as JourneyNodeOf<T>;

/**
 * A whole number kept as typed ("" while the field is cleared) but handed on only when it is a
 * number within [min, max], so the document never holds NaN or a value the server would refuse.
 */
export function IntegerInput({
  value,
  onValue,
  min,
  max,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "min" | "max" | "type"> & { value: number; onValue: (value: number) => void; min: number; max: number }) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(String(value));
  }
  return (
    <Input
      {...props}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const number = Number(event.target.value);
        if (event.target.value.trim() !== "" && Number.isInteger(number) && number >= min && number <= max) {
          setSeen(number);
          onValue(number);
        }
      }}
      onBlur={() => setText(String(value))}
    />
  );
}

type Unit = keyof typeof UNIT_SECONDS;
export const UNITS: Unit[] = ["seconds", "minutes", "hours", "days"];

/** Amount and unit side by side, labelled "<label> amount" / "<label> unit" for assistive technology. */
export function DurationFields({
  label,
  value,
  onChange,
  min,
  invalid,
  id,
}: {
  label: string;
  value: { amount: number; unit: Unit };
  onChange: (value: { amount: number; unit: Unit }) => void;
  min: number;
  invalid?: boolean;
  id?: string;
}) {
  return (
    <div className="flex gap-2">
      <div className="w-24 shrink-0">
        <IntegerInput
          id={id}
          aria-label={`${label} amount`}
          aria-invalid={invalid || undefined}
          value={value.amount}
          min={min}
          max={100_000}
          onValue={(amount) => onChange({ ...value, amount })}
        />
      </div>
      <Select aria-label={`${label} unit`} className="min-w-0 flex-1" value={value.unit} onChange={(event) => onChange({ ...value, unit: event.target.value as Unit })}>
        {UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </Select>
    </div>
  );
}
