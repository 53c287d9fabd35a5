import type { UNIT_SECONDS } from "@/server/domain/journeys/journey-definition";

export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** "1 day", "30 minutes". */
export const formatDuration = ({ amount, unit }: { amount: number; unit: keyof typeof UNIT_SECONDS }) =>
  `${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`;

/** "any day", "on Mon, Wed"; in week order from Monday. */
export const formatWeekdays = (weekdays: number[]) =>
  weekdays.length === 0 || weekdays.length === 7
    ? "any day"
    : `on ${[...weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((day) => WEEKDAYS[day]).join(", ")}`;
