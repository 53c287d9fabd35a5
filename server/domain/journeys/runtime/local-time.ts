/**
 * Wall-clock arithmetic in a contact's timezone with Intl only (no library), correct across DST:
 * a local time is turned into an instant by guessing with the offset at the guess, then correcting
 * with the offset at the result.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string) => {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, found);
  }
  return found;
};

/** The timezone if Intl knows it, else UTC (unknown or empty contact timezones fall back). */
export const validTimeZone = (timeZone: string | null | undefined): string => {
  if (!timeZone) return "UTC";
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
};

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export const wallClock = (instant: Date, timeZone: string): Wall => {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
};

/** Milliseconds the zone is ahead of UTC at `instant`. */
const offsetAt = (instant: number, timeZone: string) => {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/** The instant when the wall clocks of `timeZone` show this date and time (a time skipped by DST lands just after the gap). */
export const zonedInstant = (year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date => {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return new Date(second);
};

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
