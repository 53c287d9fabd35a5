import { describe, expect, it } from "vitest";
import { keyText, matchesPropertyFilters, readPath } from "./property-filters";

const order = { cart_id: "C-1", total: 42.5, paid: true, items: [{ sku: "A1" }], tags: ["vip", "new"], note: "Gift Wrap please" };

describe("event property filters", () => {
  it("reads dotted paths through objects and lists", () => {
    expect(readPath(order, "items.0.sku")).toBe("A1");
    expect(readPath(order, "items.x")).toBeUndefined();
    expect(readPath(order, "missing.deeper")).toBeUndefined();
  });

  it("compares text without case, numbers only with JSON numbers, booleans exactly", () => {
    expect(matchesPropertyFilters(order, [{ path: "cart_id", operator: "equals", value: "c-1" }])).toBe(true);
    expect(matchesPropertyFilters(order, [{ path: "total", operator: "equals", value: 42.5 }])).toBe(true);
    expect(matchesPropertyFilters({ total: "42.5" }, [{ path: "total", operator: "equals", value: 42.5 }])).toBe(false);
    expect(matchesPropertyFilters(order, [{ path: "paid", operator: "equals", value: true }])).toBe(true);
    expect(matchesPropertyFilters(order, [{ path: "total", operator: "gt", value: 40 }, { path: "total", operator: "lt", value: 50 }])).toBe(true);
  });

  it("treats not_equals as the complement (a missing property is not equal) and exists as presence", () => {
    expect(matchesPropertyFilters({}, [{ path: "cart_id", operator: "not_equals", value: "C-1" }])).toBe(true);
    expect(matchesPropertyFilters(order, [{ path: "cart_id", operator: "not_equals", value: "C-1" }])).toBe(false);
    expect(matchesPropertyFilters(order, [{ path: "note", operator: "exists" }])).toBe(true);
    expect(matchesPropertyFilters(order, [{ path: "coupon", operator: "exists" }])).toBe(false);
  });

  it("contains: an element of a list, a substring of text", () => {
    expect(matchesPropertyFilters(order, [{ path: "tags", operator: "contains", value: "vip" }])).toBe(true);
    expect(matchesPropertyFilters(order, [{ path: "note", operator: "contains", value: "gift" }])).toBe(true);
    expect(matchesPropertyFilters(order, [{ path: "total", operator: "contains", value: "4" }])).toBe(false);
  });

  it("compares wait keys as text", () => {
    expect(keyText(123)).toBe("123");
    expect(keyText("123")).toBe("123");
    expect(keyText({ a: 1 })).toBeNull();
    expect(keyText(undefined)).toBeNull();
  });
});
