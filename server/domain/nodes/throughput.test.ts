import { describe, expect, it } from "vitest";
import { createThroughputCounter } from "./throughput";

describe("throughput counter", () => {
  it("counts the last sixty seconds, sliding a second at a time, and keeps the total", () => {
    let now = 1_700_000_000_000;
    const counter = createThroughputCounter(() => now);
    counter.record(100);
    now += 30_000;
    counter.record(50);
    counter.record(5);
    expect(counter.lastMinute()).toBe(155);

    now += 29_999; // 59.999 s after the first batch: still inside the minute
    expect(counter.lastMinute()).toBe(155);
    now += 1; // 60 s after it: the first batch has left the window
    expect(counter.lastMinute()).toBe(55);
    now += 30_000;
    expect(counter.lastMinute()).toBe(0);
    expect(counter.total()).toBe(155);
  });

  it("reuses a bucket a minute later without counting what it held before", () => {
    let now = 0;
    const counter = createThroughputCounter(() => now);
    counter.record(7);
    now += 60_000;
    counter.record(2);
    expect(counter.lastMinute()).toBe(2);
    expect(counter.total()).toBe(9);
  });

  it("refuses counts that are not whole numbers of messages", () => {
    const counter = createThroughputCounter();
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => counter.record(bad)).toThrow(RangeError);
    counter.record(0);
    expect(counter.total()).toBe(0);
  });
});
