import { describe, expect, it } from "vitest";
import { KeySet, phoneKey, stringKey } from "./key-set";

describe("KeySet", () => {
  it("remembers every key with the first line it was on, growing as needed", () => {
    const set = new KeySet(4);
    for (let i = 1; i <= 100_000; i++) expect(set.add(i * 7919, i + 1)).toBe(0);
    for (let i = 1; i <= 100_000; i++) expect(set.add(i * 7919, 500_000)).toBe(i + 1);
    expect(set.add(2 ** 52 + 1, 7)).toBe(0);
    expect(set.add(2 ** 52 + 1, 9)).toBe(7);
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
