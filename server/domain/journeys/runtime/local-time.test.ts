import { describe, expect, it } from "vitest";
import { nextLocalTime, validTimeZone, zonedInstant } from "./local-time";

describe("wait until a local time", () => {
  it("picks today when the time is still ahead, else the next day, in the contact's zone", () => {
    const now = new Date("2026-03-02T12:00:00Z"); // Monday; 21:00 in Tokyo
    expect(nextLocalTime(now, "Asia/Tokyo", "22:00", []).toISOString()).toBe("2026-03-02T13:00:00.000Z");
    expect(nextLocalTime(now, "Asia/Tokyo", "09:00", []).toISOString()).toBe("2026-03-03T00:00:00.000Z");
  });

  it("keeps to the allowed weekdays", () => {
    const now = new Date("2026-03-02T12:00:00Z"); // Monday
    // Saturday 10:00 in New York (EST, UTC-5)
    expect(nextLocalTime(now, "America/New_York", "10:00", [6]).toISOString()).toBe("2026-03-07T15:00:00.000Z");
  });

  it("is right across a DST change (New York springs forward on 8 March 2026)", () => {
    const saturday = new Date("2026-03-07T20:00:00Z");
    // Sunday 9:00 is EDT (UTC-4) although it is asked for while EST is in force.
    expect(nextLocalTime(saturday, "America/New_York", "09:00", []).toISOString()).toBe("2026-03-08T13:00:00.000Z");
    expect(zonedInstant(2026, 10, 25, 9, 0, "Europe/London").toISOString()).toBe("2026-10-25T09:00:00.000Z");
    expect(zonedInstant(2026, 10, 24, 9, 0, "Europe/London").toISOString()).toBe("2026-10-24T08:00:00.000Z");
  });

  it("falls back to UTC for unknown zones", () => {
    expect(validTimeZone("Mars/Olympus")).toBe("UTC");
    expect(validTimeZone(null)).toBe("UTC");
    expect(validTimeZone("Europe/Paris")).toBe("Europe/Paris");
  });
});
