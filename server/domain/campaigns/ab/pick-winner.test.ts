import { describe, expect, it } from "vitest";
import { pickWinner, variantRate } from "./pick-winner";

const counts = (variant: number, sent: number, uniqueOpens: number, uniqueClicks = 0) => ({ variant, sent, uniqueOpens, uniqueClicks });

describe("pickWinner", () => {
  it("picks the highest rate, not the highest count", () => {
    expect(pickWinner([counts(1, 100, 30), counts(2, 10, 5)], 2, "opens")).toBe(2);
  });

  it("judges by clicks when told to", () => {
    expect(pickWinner([counts(1, 100, 60, 1), counts(2, 100, 10, 9)], 2, "clicks")).toBe(2);
    expect(pickWinner([counts(1, 100, 60, 1), counts(2, 100, 10, 9)], 2, "opens")).toBe(1);
  });

  it("breaks ties towards the lower variant, and falls back to variant 1 when nothing happened", () => {
    expect(pickWinner([counts(1, 50, 10), counts(2, 100, 40), counts(3, 50, 20)], 3, "opens")).toBe(2);
    expect(pickWinner([counts(2, 10, 5), counts(3, 20, 10)], 3, "opens")).toBe(2);
    expect(pickWinner([], 4, "clicks")).toBe(1);
  });

  it("counts a variant that sent nothing as a zero rate", () => {
    expect(variantRate(counts(1, 0, 3), "opens")).toBe(0);
    expect(pickWinner([counts(1, 0, 3), counts(2, 10, 1)], 2, "opens")).toBe(2);
  });
});
