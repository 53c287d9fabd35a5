import type { PropertyFilter, ScalarValue } from "@/server/domain/segments/segment-rules";

/**
 * Event property filters (trigger_event, wait_for_event, goals) checked in memory against an event
 * that was just tracked, with the same meaning as the segment compiler's SQL (compile-segment.ts,
 * compileProperty): text comparisons ignore case, a number filter only matches JSON numbers,
 * not_equals is the exact complement of equals, contains is element-of for lists and substring for text.
 */
export const readPath = (properties: unknown, path: string): unknown => {
  let current: unknown = properties;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return undefined;
      current = current[Number(part)];
    } else {
      if (!Object.hasOwn(current, part)) return undefined;
      current = (current as Record<string, unknown>)[part];
    }
  }
  return current;
};

/** jsonb_extract_path_text: strings as they are, other JSON as its text, JSON null as SQL null. */
const asText = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
};

const equals = (value: unknown, expected: ScalarValue) => {
  if (typeof expected === "number") return typeof value === "number" && value === expected;
  if (typeof expected === "boolean") return value === expected;
  const text = asText(value);
  return text !== null && text.toLowerCase() === expected.toLowerCase();
};

export const matchesPropertyFilter = (properties: unknown, filter: PropertyFilter): boolean => {
  const value = readPath(properties, filter.path);
  switch (filter.operator) {
    case "exists":
      return value !== undefined;
    case "equals":
      return equals(value, filter.value);
    case "not_equals":
      return !equals(value, filter.value);
    case "contains":
      if (Array.isArray(value)) return value.some((item) => item === filter.value);
      if (typeof value === "string") return value.toLowerCase().includes(String(filter.value).toLowerCase());
      return false;
    case "gt":
    case "lt": {
      if (typeof filter.value === "number") {
        if (typeof value !== "number") return false;
        return filter.operator === "gt" ? value > filter.value : value < filter.value;
      }
      if (typeof value !== "string") return false;
      const expected = String(filter.value);
      return filter.operator === "gt" ? value > expected : value < expected;
    }
  }
};

export const matchesPropertyFilters = (properties: unknown, filters: readonly PropertyFilter[]) =>
  filters.every((filter) => matchesPropertyFilter(properties, filter));

/** The text a wait key is compared as: the same for "123" and 123, absent for null, objects or lists. */
export const keyText = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : null;
