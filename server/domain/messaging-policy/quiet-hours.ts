import type { MessagingPolicy } from "./messaging-policy-rules";

/**
 * Quiet hours in the recipient's own time. Pure: the send executors ask it per contact, and the
 * unit tests walk it across timezones and daylight-saving changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
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

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const localParts = (instant: number, timeZone: string): LocalParts => {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
};

/** The zone's offset from UTC at `instant`, in milliseconds (Hong Kong: +8 h). */
const offsetAt = (instant: number, timeZone: string): number => {
  const p = localParts(instant, timeZone);
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

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When the quiet period the recipient is in now ends, or null when they are not in one (or the policy
 * has no quiet hours). `timezone` is the contact's; unknown or missing means UTC. Quiet hours may wrap
 * past midnight (21:00–08:00): from 21:00 the end is the next morning's 08:00 local, DST included.
 */
export const quietHoursEnd = (policy: Pick<MessagingPolicy, "quietStart" | "quietEnd">, timezone: string | null | undefined, now: Date): Date | null => {
  if (!policy.quietStart || !policy.quietEnd || policy.quietStart === policy.quietEnd) return null;
  const zone = resolveTimeZone(timezone);
  const local = localParts(now.getTime(), zone);
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(policy.quietStart);
  const end = minutesOf(policy.quietEnd);
  const wraps = start > end;
  const quiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return null;
  // In a wrapping window before midnight, the end is on the next local day.
  const endDay = new Date(Date.UTC(local.year, local.month - 1, local.day + (wraps && minute >= start ? 1 : 0)));
  const endsAt = localTimeToInstant(
    { year: endDay.getUTCFullYear(), month: endDay.getUTCMonth() + 1, day: endDay.getUTCDate() },
    Math.floor(end / 60),
    end % 60,
    zone,
  );
  // A clock change inside the window can only push the end later; never answer a moment already past.
  return endsAt.getTime() > now.getTime() ? endsAt : new Date(now.getTime() + 60_000);
};
