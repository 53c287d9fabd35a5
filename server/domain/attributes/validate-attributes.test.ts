import { describe, expect, it } from "vitest";
import { validateAttributes, type AttributeDefinitionShape } from "./validate-attributes";

const DEFINITIONS: AttributeDefinitionShape[] = [
  { key: "plan", type: "text" },
  { key: "lifetime_value", type: "number" },
  { key: "vip", type: "boolean" },
  { key: "birthday", type: "date" },
  { key: "interests", type: "list" },
];

const ok = (values: Record<string, unknown>) => {
  const result = validateAttributes(DEFINITIONS, values);
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.values;
};

const errors = (values: Record<string, unknown>) => {
  const result = validateAttributes(DEFINITIONS, values);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`);
  return result.errors;
};

describe("validateAttributes", () => {
  it("accepts an empty object", () => {
    expect(ok({})).toEqual({});
  });

  it("keeps text, trimmed, and turns numbers and booleans into text", () => {
    expect(ok({ plan: "  Gold " })).toEqual({ plan: "Gold" });
    expect(ok({ plan: 12 })).toEqual({ plan: "12" });
    expect(ok({ plan: true })).toEqual({ plan: "true" });
    expect(errors({ plan: { tier: 1 } })).toEqual({ plan: '"plan" must be text' });
    expect(errors({ plan: "x".repeat(2001) }).plan).toMatch(/"plan" must be at most 2,000 characters/);
  });

  it("coerces numbers from numeric strings and refuses anything else", () => {
    expect(ok({ lifetime_value: 42 })).toEqual({ lifetime_value: 42 });
    expect(ok({ lifetime_value: " 1234.50 " })).toEqual({ lifetime_value: 1234.5 });
    expect(ok({ lifetime_value: "-3e2" })).toEqual({ lifetime_value: -300 });
    expect(errors({ lifetime_value: "abc" })).toEqual({ lifetime_value: '"lifetime_value" must be a number, not "abc"' });
    expect(errors({ lifetime_value: "1,000" }).lifetime_value).toContain("must be a number");
    expect(errors({ lifetime_value: Number.NaN }).lifetime_value).toContain("finite number");
    expect(errors({ lifetime_value: Number.POSITIVE_INFINITY }).lifetime_value).toContain("finite number");
    expect(errors({ lifetime_value: true }).lifetime_value).toContain("must be a number, not true");
  });

  it("coerces booleans from true/false, yes/no, 1/0 in any case", () => {
    expect(ok({ vip: true })).toEqual({ vip: true });
    expect(ok({ vip: "YES" })).toEqual({ vip: true });
    expect(ok({ vip: "no" })).toEqual({ vip: false });
    expect(ok({ vip: "1" })).toEqual({ vip: true });
    expect(ok({ vip: 0 })).toEqual({ vip: false });
    expect(errors({ vip: "maybe" })).toEqual({ vip: '"vip" must be true or false (or yes/no), not "maybe"' });
    expect(errors({ vip: 2 }).vip).toContain("must be true or false");
  });

  it("accepts ISO dates and date-times, normalising date-times to UTC", () => {
    expect(ok({ birthday: "1990-02-28" })).toEqual({ birthday: "1990-02-28" });
    expect(ok({ birthday: "2024-05-31T09:30:00+08:00" })).toEqual({ birthday: "2024-05-31T01:30:00.000Z" });
    expect(ok({ birthday: "2024-05-31 09:30Z" })).toEqual({ birthday: "2024-05-31T09:30:00.000Z" });
    expect(ok({ birthday: new Date("2024-01-02T03:04:05Z") })).toEqual({ birthday: "2024-01-02T03:04:05.000Z" });
  });

  it("refuses dates that are not ISO or not on the calendar, saying why", () => {
    expect(errors({ birthday: "31/05/2024" }).birthday).toBe(
      '"birthday" must be an ISO date such as 2024-05-31 (or 2024-05-31T09:30:00+08:00), not "31/05/2024"',
    );
    expect(errors({ birthday: "2023-02-29" }).birthday).toBe('"birthday" must be a real calendar date, not "2023-02-29"');
    expect(errors({ birthday: "2024-13-01T00:00:00Z" }).birthday).toContain("must be a real date and time");
    // A time without a zone is ambiguous: refused rather than guessed.
    expect(errors({ birthday: "2024-05-31T09:30:00" }).birthday).toContain("must be an ISO date");
    expect(errors({ birthday: 20240531 }).birthday).toContain("must be an ISO date");
    expect(errors({ birthday: new Date("nope") }).birthday).toContain("must be a valid date");
  });

  it("takes lists as arrays or comma-separated text, trimmed and without duplicates", () => {
    expect(ok({ interests: ["shoes", " bags ", "shoes", ""] })).toEqual({ interests: ["shoes", "bags"] });
    expect(ok({ interests: "running, hiking,,running" })).toEqual({ interests: ["running", "hiking"] });
    expect(ok({ interests: [1, 2] })).toEqual({ interests: ["1", "2"] });
    expect(errors({ interests: [{ a: 1 }] }).interests).toBe('"interests" must be a list of text values; {"a":1} is not text');
    expect(errors({ interests: 5 }).interests).toBe('"interests" must be a list of text values, not 5');
    expect(errors({ interests: Array.from({ length: 101 }, (_, i) => `i${i}`) }).interests).toContain("at most 100 items");
  });

  it("reads null, undefined and empty values as clearing the attribute", () => {
    expect(ok({ plan: null, lifetime_value: undefined, vip: "", birthday: " ", interests: [] })).toEqual({
      plan: null,
      lifetime_value: null,
      vip: null,
      birthday: null,
      interests: null,
    });
  });

  it("refuses keys that are not defined, and reports every bad attribute at once", () => {
    expect(errors({ favourite_colour: "red", lifetime_value: "lots", plan: "ok" })).toEqual({
      favourite_colour: '"favourite_colour" is not an attribute of this workspace; add it under Contacts → Attributes first',
      lifetime_value: '"lifetime_value" must be a number, not "lots"',
    });
  });

  it("shortens long values in messages", () => {
    expect(errors({ lifetime_value: "y".repeat(100) }).lifetime_value).toBe(`"lifetime_value" must be a number, not "${"y".repeat(36)}...`);
  });
});
