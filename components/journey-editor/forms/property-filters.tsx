"use client";

import { CloseIcon, PlusIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { rowControl } from "@/app/(dashboard)/segments/_components/builder-context";
import type { PropertyFilter, ScalarValue } from "@/server/domain/segments/segment-rules";

const NUMBER = /^-?\d+(\.\d+)?$/;

// As in the segment builder: gt/lt compare numbers when the text is one; other conditions compare text.
const valueFor = (operator: PropertyFilter["operator"], text: string): ScalarValue =>
  (operator === "gt" || operator === "lt") && NUMBER.test(text.trim()) ? Number(text) : text;

/** "where <property> <condition> <value>" rows for an event's properties (triggers, waits, the goal). */
export function PropertyFilters({ filters, onChange, label }: { filters: PropertyFilter[]; onChange: (filters: PropertyFilter[]) => void; label: string }) {
  const replace = (index: number, filter: PropertyFilter) => onChange(filters.map((f, i) => (i === index ? filter : f)));
  return (
    <div className="space-y-2" role="group" aria-label={label}>
      {filters.map((filter, index) => (
        <div key={index} className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-slate-500">where</span>
          <input
            className={`${rowControl} w-28 font-mono text-xs`}
            aria-label={`Property ${index + 1}`}
            placeholder="cart_id"
            value={filter.path}
            onChange={(event) => replace(index, { ...filter, path: event.target.value })}
          />
          <select
            className={`${rowControl} w-24`}
            aria-label={`Condition ${index + 1}`}
            value={filter.operator}
            onChange={(event) => {
              const operator = event.target.value as PropertyFilter["operator"];
              replace(
                index,
                operator === "exists"
                  ? { path: filter.path, operator }
                  : { path: filter.path, operator, value: "value" in filter ? valueFor(operator, String(filter.value)) : "" },
              );
            }}
          >
            <option value="equals">is</option>
            <option value="not_equals">is not</option>
            <option value="contains">contains</option>
            <option value="gt">&gt;</option>
            <option value="lt">&lt;</option>
            <option value="exists">exists</option>
          </select>
          {filter.operator !== "exists" && (
            <input
              className={`${rowControl} w-24`}
              aria-label={`Value ${index + 1}`}
              placeholder="value"
              value={String(filter.value)}
              onChange={(event) => replace(index, { ...filter, value: valueFor(filter.operator, event.target.value) })}
            />
          )}
          <Button variant="ghost" size="sm" className="px-1 text-slate-400" aria-label={`Remove property filter ${index + 1}`} onClick={() => onChange(filters.filter((_, i) => i !== index))}>
            <CloseIcon className="size-4" />
          </Button>
        </div>
      ))}
      {filters.length < 10 && (
        <Button variant="ghost" size="sm" className="text-slate-500" onClick={() => onChange([...filters, { path: "", operator: "equals", value: "" }])}>
          <PlusIcon className="size-3.5" />
          Property filter
        </Button>
      )}
    </div>
  );
}
