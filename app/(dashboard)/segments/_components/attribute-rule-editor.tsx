"use client";

import type { AttributeOperator, AttributeRule, ScalarValue, ValueType } from "@/server/domain/segments/segment-rules";
import { withOperator } from "../_lib/segment-draft";
import { useBuilder } from "./builder-context";
import { DaysInput, ListInput, RowSelect, ScalarInput } from "./value-inputs";

const STATUSES = ["subscribed", "unsubscribed", "pending", "bounced", "complained"];

/** How each operator reads after a field of that type ("Age is at least 30", "Birthday is before ..."). */
export const operatorLabel = (operator: AttributeOperator, type: ValueType): string => {
  const dates = type === "date";
  const lists = type === "list";
  switch (operator) {
    case "equals":
      return dates ? "is on" : "is";
    case "not_equals":
      return dates ? "is not on" : "is not";
    case "contains":
      return lists ? "includes" : "contains";
    case "starts_with":
      return "starts with";
    case "gt":
      return dates ? "is after" : "is greater than";
    case "gte":
      return dates ? "is on or after" : "is at least";
    case "lt":
      return dates ? "is before" : "is less than";
    case "lte":
      return dates ? "is on or before" : "is at most";
    case "between":
      return "is between";
    case "is_set":
      return lists ? "has values" : "is set";
    case "is_not_set":
      return lists ? "is empty" : "is not set";
    case "in":
      return lists ? "includes any of" : "is any of";
    case "not_in":
      return lists ? "includes none of" : "is none of";
    case "before":
      return "is before";
    case "after":
      return "is after";
    case "within_last_days":
      return "is within the last";
    case "anniversary":
      return "has its anniversary";
  }
};

// Dates offer before/after by name; gt/gte/lt/lte stay valid (the API takes them) but are not listed twice.
const HIDDEN_FOR_DATES = new Set<AttributeOperator>(["gt", "gte", "lt", "lte"]);

export function AttributeRuleEditor({
  rule,
  onChange,
  invalid,
}: {
  rule: AttributeRule;
  onChange: (rule: AttributeRule) => void;
  invalid: (part: string) => boolean;
}) {
  const { options, readOnly } = useBuilder();
  const field = options.fields.find((option) => option.field === rule.field);
  const type: ValueType = field?.type ?? rule.valueType ?? "text";
  const operators = options.operatorsByType[type].filter((operator) => type !== "date" || !HIDDEN_FOR_DATES.has(operator) || operator === rule.operator);
  const builtIns = options.fields.filter((option) => option.builtIn);
  const custom = options.fields.filter((option) => !option.builtIn);
  // Inputs keep their own text; a new field or operator starts them afresh.
  const inputKey = `${rule.field}:${rule.operator}`;

  const setValue = (value: ScalarValue | ScalarValue[] | { from: ScalarValue; to: ScalarValue }) => onChange({ ...rule, value } as AttributeRule);
  const scalar = (value: ScalarValue | undefined, set: (value: ScalarValue) => void, label: string, part: string) =>
    type === "boolean" ? (
      <RowSelect aria-label={label} value={String(value)} onChange={(text) => set(text === "true")} disabled={readOnly} aria-invalid={invalid(part) || undefined}>
        <option value="true">true</option>
        <option value="false">false</option>
      </RowSelect>
    ) : type === "status" ? (
      <RowSelect aria-label={label} value={String(value ?? "")} onChange={set} disabled={readOnly} aria-invalid={invalid(part) || undefined}>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </RowSelect>
    ) : (
      <ScalarInput
        key={`${inputKey}:${part}`}
        type={type}
        value={value}
        onChange={set}
        aria-label={label}
        invalid={invalid(part)}
        disabled={readOnly}
        placeholder={type === "number" ? "0" : "value"}
      />
    );

  return (
    <div className="flex flex-wrap items-center gap-2">
      <RowSelect
        aria-label="Field"
        value={rule.field}
        disabled={readOnly}
        aria-invalid={invalid("field") || undefined}
        className="max-w-56"
        onChange={(chosen) => {
          const next = options.fields.find((option) => option.field === chosen);
          if (!next) return;
          const keep = options.operatorsByType[next.type].includes(rule.operator) && next.type === type;
          onChange(withOperator({ ...rule, field: next.field }, next.type, keep ? rule.operator : options.operatorsByType[next.type][0]!));
        }}
      >
        <optgroup label="Contact">
          {builtIns.map((option) => (
            <option key={option.field} value={option.field}>
              {option.label}
            </option>
          ))}
        </optgroup>
        {custom.length > 0 && (
          <optgroup label="Custom attributes">
            {custom.map((option) => (
              <option key={option.field} value={option.field}>
                {option.label}
              </option>
            ))}
          </optgroup>
        )}
        {!field && <option value={rule.field}>{rule.field} (not defined)</option>}
      </RowSelect>

      <RowSelect
        aria-label="Condition"
        value={rule.operator}
        disabled={readOnly}
        aria-invalid={invalid("operator") || undefined}
        onChange={(operator) => onChange(withOperator(rule, type, operator as AttributeOperator))}
      >
        {operators.map((operator) => (
          <option key={operator} value={operator}>
            {operatorLabel(operator, type)}
          </option>
        ))}
        {!operators.includes(rule.operator) && <option value={rule.operator}>{operatorLabel(rule.operator, type)}</option>}
      </RowSelect>

      {rule.operator === "between" ? (
        <>
          {scalar(rule.value.from, (from) => setValue({ ...rule.value, from }), "From", "value.from")}
          <span className="text-sm text-slate-500">and</span>
          {scalar(rule.value.to, (to) => setValue({ ...rule.value, to }), "To", "value.to")}
        </>
      ) : rule.operator === "in" || rule.operator === "not_in" ? (
        <ListInput
          key={inputKey}
          type={type}
          value={rule.value}
          onChange={setValue}
          aria-label="Values, separated by commas"
          placeholder={type === "status" ? "subscribed, pending" : type === "number" ? "1, 2, 3" : "first, second"}
          invalid={invalid("value")}
          disabled={readOnly}
        />
      ) : rule.operator === "within_last_days" || rule.operator === "anniversary" ? (
        <>
          {rule.operator === "anniversary" && <span className="text-sm text-slate-500">in</span>}
          <DaysInput
            key={inputKey}
            value={rule.days}
            onChange={(days) => onChange({ ...rule, days })}
            aria-label="Days"
            invalid={invalid("days")}
            disabled={readOnly}
          />
          <span className="text-sm text-slate-500">{rule.operator === "anniversary" ? "days (0 is today)" : "days"}</span>
        </>
      ) : "value" in rule && !Array.isArray(rule.value) ? (
        scalar(rule.value, setValue, "Value", "value")
      ) : null}
    </div>
  );
}
