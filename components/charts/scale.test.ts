import { describe, expect, it } from "vitest";
import { labelIndexes, niceTicks } from "./scale";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten and covers the maximum", () => {
    expect(niceTicks(10)).toEqual([0, 5, 10]);
    expect(niceTicks(13)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(87)).toEqual([0, 50, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("never gives fractional ticks for small counts, and copes with nothing", () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe("labelIndexes", () => {
  it("labels everything when there is room, else evenly spaced ending at the last", () => {
    expect(labelIndexes(4)).toEqual([0, 1, 2, 3]);
    const thirty = labelIndexes(30);
    expect(thirty).toEqual([4, 10, 16, 22, 28].map((i) => i + 1));
    expect(thirty.at(-1)).toBe(29);
    expect(thirty.length).toBeLessThanOrEqual(6);
    const ninety = labelIndexes(90, 7);
    expect(ninety.at(-1)).toBe(89);
    expect(ninety.length).toBeLessThanOrEqual(7);
    expect(labelIndexes(0)).toEqual([]);
  });
});
