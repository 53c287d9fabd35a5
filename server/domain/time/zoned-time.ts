/**
 * Wall-clock arithmetic in a person's timezone with Intl only (no library), correct across DST: what
 * the clocks show at an instant, and the instant they show a given local time. Pure; shared by journey
 * waits (wait until 09:00 local) and quiet hours.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, found);
  }
  return found;
};

/** A usable IANA zone name, or "UTC" for null and for names this runtime does not know. */
export const resolveTimeZone = (timeZone: string | null | undefined): string => {
  if (!timeZone) return "UTC";
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
};

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** What the clocks of `timeZone` show at `instant`. */
export const wallClock = (instant: Date | number, timeZone: string): WallClock => {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
};

/** The zone's offset from UTC at `instant`, in milliseconds (Hong Kong: +8 h). */
const offsetAt = (instant: number, timeZone: string): number => {
  const p = wallClock(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant a local wall-clock time happens in `timeZone`, resolved the way Temporal's "compatible"
 * disambiguation does: a time that happens twice (clocks go back) is its first occurrence; a time that
 * never happens (clocks skip forward) is moved forward by the skipped length (02:30 → 03:30).
 */
export const localTimeToInstant = (date: { year: number; month: number; day: number }, hour: number, minute: number, timeZone: string): Date => {
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const before = offsetAt(naive - 86_400_000, timeZone);
  const after = offsetAt(naive + 86_400_000, timeZone);
  const valid = [...new Set([before, after])].map((offset) => naive - offset).filter((t) => offsetAt(t, timeZone) === naive - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(naive - before);
};
