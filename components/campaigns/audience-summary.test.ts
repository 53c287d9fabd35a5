import { describe, expect, it } from "vitest";
import { describeAudience } from "./audience-summary";

const names = new Map([
  ["l1", "Newsletter"],
  ["l2", "Customers"],
  ["l3", "Press"],
  ["s1", "VIPs"],
  ["s2", "Bounced lately"],
]);
const none = { listIds: [], segmentIds: [], excludeListIds: [], excludeSegmentIds: [] };

describe("describeAudience", () => {
  it("names what is included, then what is left out", () => {
    expect(describeAudience({ ...none, listIds: ["l1"] }, names)).toBe("Newsletter");
    expect(describeAudience({ ...none, listIds: ["l1"], segmentIds: ["s1"] }, names)).toBe("Newsletter and VIPs");
    expect(describeAudience({ ...none, listIds: ["l1", "l2", "l3"], segmentIds: ["s1"], excludeSegmentIds: ["s2"] }, names)).toBe(
      "Newsletter, Customers and 2 more, except Bounced lately",
    );
  });

  it("says when nothing is chosen, and when a chosen list or segment has gone", () => {
    expect(describeAudience(none, names)).toBe("No audience chosen yet");
    expect(describeAudience({ ...none, listIds: ["gone"], excludeSegmentIds: ["gone-too"] }, names)).toBe("a deleted list, except a deleted segment");
  });
});
