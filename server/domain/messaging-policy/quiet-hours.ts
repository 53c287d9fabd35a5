import { localTimeToInstant, resolveTimeZone, wallClock } from "@/server/domain/time/zoned-time";
import type { MessagingPolicy } from "./messaging-policy-rules";

export { localTimeToInstant, resolveTimeZone };

/**
 * Quiet hours in the recipient's own time. Pure: the send executors ask it per contact, and the
 * unit tests walk it across timezones and daylight-saving changes.
 */

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When the quiet period the recipient is in now ends, or null when they are not in one (or the policy
 * has no quiet hours). `timezone` is the contact's; unknown or missing means UTC. Quiet hours may wrap
 * past midnight (21:00–08:00): from 21:00 the end is the next morning's 08:00 local, DST included.
 */
export const quietHoursEnd = (policy: Pick<MessagingPolicy, "quietStart" | "quietEnd">, timezone: string | null | undefined, now: Date): Date | null => {
  if (!policy.quietStart || !policy.quietEnd || policy.quietStart === policy.quietEnd) return null;
  const zone = resolveTimeZone(timezone);
  const local = wallClock(now, zone);
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
