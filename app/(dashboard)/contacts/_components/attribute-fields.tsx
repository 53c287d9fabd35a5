"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrorMap } from "@/lib/trpc-errors";
import { ATTRIBUTE_TYPE_LABELS, type AttributeType } from "@/server/domain/attributes/attribute-rules";

export type AttributeDefinitionOption = { key: string; label: string; type: AttributeType };

const inputName = (key: string) => `attr:${key}`;

const asDateInput = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : "");

const asText = (value: unknown) => {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
};

/** One input per attribute definition, shaped by its type; names are "attr:<key>" for FormData. */
export function AttributeFields({
  definitions,
  values = {},
  errors,
  disabled,
}: {
  definitions: AttributeDefinitionOption[];
  values?: Record<string, unknown>;
  errors: FieldErrorMap;
  disabled?: boolean;
}) {
  if (definitions.length === 0) return null;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {definitions.map((definition) => {
        const value = values[definition.key];
        const error = errors[`attributes.${definition.key}`];
        const label = definition.label;
        const hint = (
          <span>
            <code className="font-mono">{definition.key}</code> · {ATTRIBUTE_TYPE_LABELS[definition.type]}
            {definition.type === "list" && ", separated by commas"}
          </span>
        );
        return (
          <Field key={definition.key} label={label} hint={hint} error={error}>
            {(control) =>
              definition.type === "boolean" ? (
                <Select
                  {...control}
                  name={inputName(definition.key)}
                  defaultValue={shownValue(definition, value)}
                  disabled={disabled}
                >
                  <option value="">Not set</option>
                  <option value="true">Yes</option>
                  <option value="false">No</option>
                </Select>
              ) : (
                <Input
                  {...control}
                  name={inputName(definition.key)}
                  type={definition.type === "number" ? "number" : definition.type === "date" ? "date" : "text"}
                  step={definition.type === "number" ? "any" : undefined}
                  defaultValue={shownValue(definition, value)}
                  disabled={disabled}
                />
              )
            }
          </Field>
        );
      })}
    </div>
  );
}

const shownValue = (definition: AttributeDefinitionOption, value: unknown) =>
  definition.type === "boolean"
    ? value === true
      ? "true"
      : value === false
        ? "false"
        : ""
    : definition.type === "date"
      ? asDateInput(value)
      : asText(value);

/**
 * The attribute values from a submitted form, as the server accepts them (it coerces "42" and
 * "true" by type). On create, empty values are left out. On update only changed values are sent
 * (so saving never rounds a stored date-time down to its day), and emptied ones are null, which
 * removes them.
 */
export const readAttributeFields = (
  form: FormData,
  definitions: AttributeDefinitionOption[],
  mode: "create" | "update",
  original: Record<string, unknown> = {},
) => {
  const attributes: Record<string, string | boolean | null> = {};
  for (const definition of definitions) {
    const raw = String(form.get(inputName(definition.key)) ?? "").trim();
    if (mode === "update" && raw === shownValue(definition, original[definition.key])) continue;
    if (!raw) {
      if (mode === "update") attributes[definition.key] = null;
      continue;
    }
    attributes[definition.key] = definition.type === "boolean" ? raw === "true" : raw;
  }
  return attributes;
};
