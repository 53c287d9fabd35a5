import type { AttributeType } from "./attribute-rules";

/** What a custom attribute holds once validated; dates are ISO strings (YYYY-MM-DD, or a UTC timestamp). */
export type AttributeValue = string | number | boolean | string[];

export type AttributeDefinitionShape = { key: string; type: AttributeType; label?: string };

export type ValidateAttributesResult =
  /** null means "clear this attribute": an update removes the key, a create leaves it out. */
  | { ok: true; values: Record<string, AttributeValue | null> }
  /** One reason per attribute key, each naming the attribute. */
  | { ok: false; errors: Record<string, string> };

export const MAX_TEXT_LENGTH = 2000;
export const MAX_LIST_ITEMS = 100;
export const MAX_LIST_ITEM_LENGTH = 200;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

type Coerced = { value: AttributeValue | null } | { error: string };

const shown = (raw: unknown) => {
  const text = typeof raw === "string" ? `"${raw}"` : JSON.stringify(raw) ?? String(raw);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const isRealDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const coerceText = (raw: unknown): Coerced => {
  if (typeof raw === "number" || typeof raw === "boolean") return { value: String(raw) };
  if (typeof raw !== "string") return { error: "must be text" };
  const value = raw.trim();
  if (!value) return { value: null };
  if (value.length > MAX_TEXT_LENGTH) return { error: `must be at most ${MAX_TEXT_LENGTH.toLocaleString("en")} characters` };
  return { value };
};

const coerceNumber = (raw: unknown): Coerced => {
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw } : { error: `must be a finite number, not ${raw}` };
  if (typeof raw === "string") {
    const text = raw.trim();
    if (!text) return { value: null };
    if (NUMBER.test(text) && Number.isFinite(Number(text))) return { value: Number(text) };
  }
  return { error: `must be a number, not ${shown(raw)}` };
};

const coerceBoolean = (raw: unknown): Coerced => {
  if (typeof raw === "boolean") return { value: raw };
  if (raw === 1 || raw === 0) return { value: raw === 1 };
  if (typeof raw === "string") {
    const text = raw.trim().toLowerCase();
    if (!text) return { value: null };
    if (TRUE.has(text)) return { value: true };
    if (FALSE.has(text)) return { value: false };
  }
  return { error: `must be true or false (or yes/no), not ${shown(raw)}` };
};

const coerceDate = (raw: unknown): Coerced => {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { error: "must be a valid date" } : { value: raw.toISOString() };
  if (typeof raw === "string") {
    const text = raw.trim();
    if (!text) return { value: null };
    const dateOnly = DATE_ONLY.exec(text);
    if (dateOnly) {
      return isRealDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))
        ? { value: text }
        : { error: `must be a real calendar date, not ${shown(raw)}` };
    }
    const dateTime = DATE_TIME.exec(text);
    if (dateTime) {
      const time = Date.parse(text.replace(" ", "T"));
      if (isRealDate(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])) && !Number.isNaN(time)) {
        return { value: new Date(time).toISOString() };
      }
      return { error: `must be a real date and time, not ${shown(raw)}` };
    }
  }
  return { error: `must be an ISO date such as 2024-05-31 (or 2024-05-31T09:30:00+08:00), not ${shown(raw)}` };
};

const coerceList = (raw: unknown): Coerced => {
  // A single string is read as comma-separated values, which is how CSV cells and simple forms carry lists.
  const items = typeof raw === "string" ? raw.split(",") : raw;
  if (!Array.isArray(items)) return { error: `must be a list of text values, not ${shown(raw)}` };
  const values: string[] = [];
  for (const item of items) {
    if (typeof item !== "string" && typeof item !== "number") return { error: `must be a list of text values; ${shown(item)} is not text` };
    const value = String(item).trim();
    if (!value) continue;
    if (value.length > MAX_LIST_ITEM_LENGTH) return { error: `items must be at most ${MAX_LIST_ITEM_LENGTH} characters each` };
    if (!values.includes(value)) values.push(value);
  }
  if (values.length > MAX_LIST_ITEMS) return { error: `must have at most ${MAX_LIST_ITEMS} items` };
  return { value: values.length ? values : null };
};

const COERCE: Record<AttributeType, (raw: unknown) => Coerced> = {
  text: coerceText,
  number: coerceNumber,
  boolean: coerceBoolean,
  date: coerceDate,
  list: coerceList,
};

/**
 * Checks custom attribute values against the workspace's definitions and coerces them to their
 * type (so "42" from a CSV becomes 42, "yes" becomes true). Pure: the API, the contact form and
 * imports all call it with the definitions they loaded. Unknown keys are errors, never stored.
 */
export const validateAttributes = (
  definitions: readonly AttributeDefinitionShape[],
  values: Record<string, unknown>,
): ValidateAttributesResult => {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const coerced: Record<string, AttributeValue | null> = {};
  const errors: Record<string, string> = {};
  for (const [key, raw] of Object.entries(values)) {
    const definition = byKey.get(key);
    if (!definition) {
      errors[key] = `"${key}" is not an attribute of this workspace; add it under Contacts → Attributes first`;
      continue;
    }
    if (raw === null || raw === undefined) {
      coerced[key] = null;
      continue;
    }
    const result = COERCE[definition.type](raw);
    if ("error" in result) errors[key] = `"${key}" ${result.error}`;
    else coerced[key] = result.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: coerced };
};
