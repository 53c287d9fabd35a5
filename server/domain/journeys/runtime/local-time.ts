import { localTimeToInstant, resolveTimeZone, wallClock } from "@/server/domain/time/zoned-time";

/** The timezone if Intl knows it, else UTC (unknown or empty contact timezones fall back). */
export const validTimeZone = resolveTimeZone;

/** The instant when the wall clocks of `timeZone` show this date and time (a time skipped by DST lands just after the gap). */
export const zonedInstant = (year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date =>
  localTimeToInstant({ year, month, day }, hour, minute, timeZone);

/**
 * The first moment strictly after `now` when the contact's clocks show `time` ("HH:MM") on one of
 * `weekdays` (0 = Sunday; empty = any day).
 */
export const nextLocalTime = (now: Date, timeZone: string, time: string, weekdays: readonly number[]): Date => {
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const today = wallClock(now, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (weekdays.length && !weekdays.includes(date.getUTCDay())) continue;
    const candidate = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, timeZone);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  // Only reachable with an empty weekday set that is not empty: keep the run moving a day later.
  return new Date(now.getTime() + 86_400_000);
};
