import { describe, expect, it } from "vitest";
import { abTestPath, parseAbTest, sampleSize } from "./ab-test-rules";

describe("A/B test rules", () => {
  it("sizes the test as the share of the audience, rounded, at least one per variant and at most everyone", () => {
    expect(sampleSize(300, 20, 2)).toBe(60);
    expect(sampleSize(1_000_000, 10, 5)).toBe(100_000);
    expect(sampleSize(25, 10, 2)).toBe(3); // 2.5 rounds up
    expect(sampleSize(10, 1, 3)).toBe(3);
    expect(sampleSize(2, 50, 5)).toBe(2);
  });

  it("names fields the way forms and API callers read them", () => {
    expect(abTestPath(["variants", 1, "subject"])).toBe("abTest.variants[1].subject");
    expect(abTestPath([])).toBe("abTest");
  });

  it("keeps only what the tested field uses, trimmed", () => {
    const parsed = parseAbTest({
      field: "subject",
      variants: [{ subject: " A ", emailTemplateId: "5b1c1f1e-7f6a-4b7e-9a49-2d6f0f7d8f10" }, { subject: "B" }],
      samplePercent: 10,
      winnerBy: "opens",
      decideAfterMinutes: 60,
      extra: true,
    });
    expect(parsed).toEqual({ field: "subject", variants: [{ subject: "A" }, { subject: "B" }], samplePercent: 10, winnerBy: "opens", decideAfterMinutes: 60 });
  });

  it("lists every problem at once, each at its path", () => {
    expect(() => parseAbTest({ field: "content", variants: [{}, {}], samplePercent: 0.5, winnerBy: "opens", decideAfterMinutes: 60 })).toThrow(
      expect.objectContaining({
        fieldErrors: {
          "abTest.samplePercent": ["The test share must be a whole percentage"],
          "abTest.variants[0].emailTemplateId": ["Choose an email template for this variant"],
          "abTest.variants[1].emailTemplateId": ["Choose an email template for this variant"],
        },
      }),
    );
  });
});
