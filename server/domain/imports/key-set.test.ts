import { describe, expect, it } from "vitest";
import { KeySet, phoneKey, stringKey } from "./key-set";

describe("KeySet", () => {
  it("remembers every key, growing as needed", () => {
    const set = new KeySet(4);
    for (let i = 1; i <= 100_000; i++) expect(set.add(i * 7919)).toBe(false);
    for (let i = 1; i <= 100_000; i++) expect(set.add(i * 7919)).toBe(true);
    expect(set.add(2 ** 52 + 1)).toBe(false);
    expect(set.add(2 ** 52 + 1)).toBe(true);
  });

  it("keys phones exactly and emails by a hash that tells a million addresses apart", () => {
    expect(phoneKey("+85291234567")).toBe(85291234568);
    expect(phoneKey("+999999999999999")).toBeLessThan(2 ** 53);
    const keys = new Set<number>();
    for (let i = 0; i < 1_000_000; i++) keys.add(stringKey(`user${i}@example${i % 50}.com`));
    expect(keys.size).toBe(1_000_000);
    expect(stringKey("")).toBeGreaterThan(0);
  });
});
