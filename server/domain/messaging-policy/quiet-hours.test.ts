import { describe, expect, it } from "vitest";
import { localTimeToInstant, quietHoursEnd } from "./quiet-hours";

const night = { quietStart: "21:00", quietEnd: "08:00" };
const at = (iso: string) => new Date(iso);

describe("quietHoursEnd", () => {
  it("Asia/Hong_Kong (UTC+8, no DST): quiet after 21:00 until 08:00 the next local morning", () => {
    // 22:00 HKT on 10 March → 08:00 HKT on 11 March = 00:00Z.
    expect(quietHoursEnd(night, "Asia/Hong_Kong", at("2026-03-10T14:00:00Z"))).toEqual(at("2026-03-11T00:00:00Z"));
    // 07:00 HKT on 11 March (after midnight, still quiet) → 08:00 HKT the same day.
    expect(quietHoursEnd(night, "Asia/Hong_Kong", at("2026-03-10T23:00:00Z"))).toEqual(at("2026-03-11T00:00:00Z"));
    // 10:00 HKT: not quiet. 21:00 sharp is quiet, 08:00 sharp is not.
    expect(quietHoursEnd(night, "Asia/Hong_Kong", at("2026-03-10T02:00:00Z"))).toBeNull();
    expect(quietHoursEnd(night, "Asia/Hong_Kong", at("2026-03-10T13:00:00Z"))).toEqual(at("2026-03-11T00:00:00Z"));
    expect(quietHoursEnd(night, "Asia/Hong_Kong", at("2026-03-11T00:00:00Z"))).toBeNull();
  });

  it("America/New_York across the spring change: 23:00 EST ends at 08:00 EDT (12:00Z, not 13:00Z)", () => {
    // DST starts on Sunday 8 March 2026 at 02:00 local.
    expect(quietHoursEnd(night, "America/New_York", at("2026-03-08T04:00:00Z"))).toEqual(at("2026-03-08T12:00:00Z"));
    // The day before, the same local hours are an hour later in UTC.
    expect(quietHoursEnd(night, "America/New_York", at("2026-03-07T04:00:00Z"))).toEqual(at("2026-03-07T13:00:00Z"));
  });

  it("America/New_York across the autumn change: 23:00 EDT ends at 08:00 EST (13:00Z)", () => {
    // DST ends on Sunday 1 November 2026 at 02:00 local.
    expect(quietHoursEnd(night, "America/New_York", at("2026-11-01T03:00:00Z"))).toEqual(at("2026-11-01T13:00:00Z"));
  });

  it("an end time the spring change skips is moved forward by the skipped hour (02:30 → 03:30 EDT)", () => {
    const policy = { quietStart: "22:00", quietEnd: "02:30" };
    // 01:00 EST on 8 March 2026; 02:30 does not exist that night.
    expect(quietHoursEnd(policy, "America/New_York", at("2026-03-08T06:00:00Z"))).toEqual(at("2026-03-08T07:30:00Z"));
  });

  it("Pacific/Auckland: 22:00 NZDT (UTC+13) ends at 08:00 NZST (UTC+12) after the April change", () => {
    // DST ends on Sunday 5 April 2026 at 03:00 NZDT.
    expect(quietHoursEnd(night, "Pacific/Auckland", at("2026-04-04T09:00:00Z"))).toEqual(at("2026-04-04T20:00:00Z"));
    // A September night (DST starts 27 September 2026): 22:00 NZST ends at 08:00 NZDT.
    expect(quietHoursEnd(night, "Pacific/Auckland", at("2026-09-26T10:00:00Z"))).toEqual(at("2026-09-26T19:00:00Z"));
  });

  it("the same instant is quiet for one contact and not for another, by their own timezone", () => {
    const now = at("2026-06-15T13:30:00Z"); // 21:30 in Hong Kong, 09:30 in New York, 01:30 in Auckland
    expect(quietHoursEnd(night, "Asia/Hong_Kong", now)).toEqual(at("2026-06-16T00:00:00Z"));
    expect(quietHoursEnd(night, "America/New_York", now)).toBeNull();
    expect(quietHoursEnd(night, "Pacific/Auckland", now)).toEqual(at("2026-06-15T20:00:00Z"));
  });

  it("a window within one day (12:00–14:00) does not wrap", () => {
    const lunch = { quietStart: "12:00", quietEnd: "14:00" };
    expect(quietHoursEnd(lunch, "UTC", at("2026-06-15T12:59:00Z"))).toEqual(at("2026-06-15T14:00:00Z"));
    expect(quietHoursEnd(lunch, "UTC", at("2026-06-15T14:00:00Z"))).toBeNull();
    expect(quietHoursEnd(lunch, "UTC", at("2026-06-15T23:00:00Z"))).toBeNull();
  });

  it("no timezone or an unknown one means UTC; no quiet hours means never quiet", () => {
    expect(quietHoursEnd(night, null, at("2026-06-15T22:00:00Z"))).toEqual(at("2026-06-16T08:00:00Z"));
    expect(quietHoursEnd(night, "Mars/Olympus_Mons", at("2026-06-15T22:00:00Z"))).toEqual(at("2026-06-16T08:00:00Z"));
    expect(quietHoursEnd({ quietStart: null, quietEnd: null }, "Asia/Hong_Kong", at("2026-06-15T15:00:00Z"))).toBeNull();
  });
});

describe("localTimeToInstant", () => {
  it("a time that happens twice (clocks go back) is its first occurrence", () => {
    // 01:30 on 1 November 2026 in New York happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(localTimeToInstant({ year: 2026, month: 11, day: 1 }, 1, 30, "America/New_York")).toEqual(at("2026-11-01T05:30:00Z"));
    // 02:30 on 5 April 2026 in Auckland happens at 13:30Z (NZDT) and again at 14:30Z (NZST).
    expect(localTimeToInstant({ year: 2026, month: 4, day: 5 }, 2, 30, "Pacific/Auckland")).toEqual(at("2026-04-04T13:30:00Z"));
  });
});
