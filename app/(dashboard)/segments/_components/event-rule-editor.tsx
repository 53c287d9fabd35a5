"use client";

import { useId } from "react";
import { CloseIcon, PlusIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import type { EventRule, PropertyFilter, ScalarValue } from "@/server/domain/segments/segment-rules";
import { useBuilder } from "./builder-context";
import { DaysInput, RowSelect, ScalarInput } from "./value-inputs";

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Text compares as text (which also matches a number or true/false stored in the event); gt/lt compare numbers when they can. */
const propertyValue = (operator: PropertyFilter["operator"], value: ScalarValue): ScalarValue =>
  (operator === "gt" || operator === "lt") && typeof value === "string" && NUMBER.test(value.trim()) ? Number(value) : value;

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function PropertyFilterRow({
  filter,
  onChange,
  onRemove,
  invalid,
}: {
  filter: PropertyFilter;
  onChange: (filter: PropertyFilter) => void;
  onRemove: () => void;
  invalid: (part: string) => boolean;
}) {
  const { readOnly } = useBuilder();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-500">where</span>
      <ScalarInput
        type="text"
        value={filter.path}
        onChange={(path) => onChange({ ...filter, path: String(path) })}
        aria-label="Property"
        placeholder="property, e.g. total"
        invalid={invalid("path")}
        disabled={readOnly}
        width="w-32"
        className="font-mono text-xs"
      />
      <RowSelect
        aria-label="Property condition"
        value={filter.operator}
        disabled={readOnly}
        onChange={(operator) =>
          onChange(
            operator === "exists"
              ? { path: filter.path, operator }
              : { path: filter.path, operator: operator as Exclude<PropertyFilter["operator"], "exists">, value: "value" in filter ? filter.value : "" },
          )
        }
      >
        <option value="equals">is</option>
        <option value="not_equals">is not</option>
        <option value="contains">contains</option>
        <option value="gt">is greater than</option>
        <option value="lt">is less than</option>
        <option value="exists">exists</option>
      </RowSelect>
      {filter.operator !== "exists" && (
        <ScalarInput
          key={filter.operator}
          type="text"
          value={filter.value}
          onChange={(value) => onChange({ ...filter, value: propertyValue(filter.operator, value) })}
          aria-label="Property value"
          placeholder="value"
          invalid={invalid("value")}
          disabled={readOnly}
          width="w-28"
        />
      )}
      {!readOnly && (
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label="Remove property filter" className="px-1.5 text-slate-400 hover:text-slate-700">
          <CloseIcon className="size-4" />
        </Button>
      )}
    </div>
  );
}

export function EventRuleEditor({
  rule,
  onChange,
  invalid,
}: {
  rule: EventRule;
  onChange: (rule: EventRule) => void;
  invalid: (part: string) => boolean;
}) {
  const { options, readOnly } = useBuilder();
  const namesId = useId();
  const windowKind = rule.window?.type ?? "ever";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <ScalarInput
          type="text"
          value={rule.name}
          onChange={(name) => onChange({ ...rule, name: String(name) })}
          aria-label="Event name"
          placeholder="order_placed"
          list={namesId}
          invalid={invalid("name")}
          disabled={readOnly}
          className="font-mono text-xs"
        />
        <datalist id={namesId}>
          {options.eventNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <RowSelect
          aria-label="How often"
          value={rule.operator}
          disabled={readOnly}
          onChange={(operator) => onChange({ ...rule, operator: operator as EventRule["operator"], count: rule.count || 1 })}
        >
          <option value="at_least">happened at least</option>
          <option value="at_most">happened at most</option>
          <option value="exactly">happened exactly</option>
          <option value="did_not_do">did not happen</option>
        </RowSelect>
        {rule.operator !== "did_not_do" && (
          <>
            <DaysInput value={rule.count} onChange={(count) => onChange({ ...rule, count })} aria-label="Times" invalid={invalid("count")} disabled={readOnly} />
            <span className="text-sm text-slate-500">{rule.count === 1 ? "time" : "times"}</span>
          </>
        )}
        <RowSelect
          aria-label="When"
          value={windowKind}
          disabled={readOnly}
          aria-invalid={invalid("window") || undefined}
          onChange={(kind) =>
            onChange({
              ...rule,
              window:
                kind === "last_days"
                  ? { type: "last_days", days: 30 }
                  : kind === "between"
                    ? { type: "between", from: daysAgo(30), to: today() }
                    : undefined,
            })
          }
        >
          <option value="ever">ever</option>
          <option value="last_days">in the last</option>
          <option value="between">between</option>
        </RowSelect>
        {rule.window?.type === "last_days" && (
          <>
            <DaysInput
              value={rule.window.days}
              onChange={(days) => onChange({ ...rule, window: { type: "last_days", days } })}
              aria-label="Days"
              invalid={invalid("window.days")}
              disabled={readOnly}
            />
            <span className="text-sm text-slate-500">days</span>
          </>
        )}
        {rule.window?.type === "between" && (
          <>
            <ScalarInput
              type="date"
              value={rule.window.from}
              onChange={(from) => rule.window?.type === "between" && onChange({ ...rule, window: { ...rule.window, from: String(from) } })}
              aria-label="From"
              invalid={invalid("window.from")}
              disabled={readOnly}
            />
            <span className="text-sm text-slate-500">and</span>
            <ScalarInput
              type="date"
              value={rule.window.to}
              onChange={(to) => rule.window?.type === "between" && onChange({ ...rule, window: { ...rule.window, to: String(to) } })}
              aria-label="To"
              invalid={invalid("window.to")}
              disabled={readOnly}
            />
          </>
        )}
      </div>
      {rule.where.map((filter, index) => (
        <PropertyFilterRow
          key={index}
          filter={filter}
          onChange={(next) => onChange({ ...rule, where: rule.where.map((f, i) => (i === index ? next : f)) })}
          onRemove={() => onChange({ ...rule, where: rule.where.filter((_, i) => i !== index) })}
          invalid={(part) => invalid(`where[${index}].${part}`) || invalid(`where[${index}]`)}
        />
      ))}
      {!readOnly && rule.where.length < 10 && (
        <Button
          variant="ghost"
          size="sm"
          className="text-slate-500"
          onClick={() => onChange({ ...rule, where: [...rule.where, { path: "", operator: "equals", value: "" }] })}
        >
          <PlusIcon className="size-3.5" />
          Property filter
        </Button>
      )}
    </div>
  );
}
