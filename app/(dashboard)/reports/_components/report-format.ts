import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type WorkspaceDashboardData = inferRouterOutputs<AppRouter>["reports"]["workspace"];

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

/** Rates arrive as fractions of what was sent; one decimal is enough to compare campaigns. */
export const percent = (fraction: number) => `${(fraction * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
export const credits = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 4 });

// Days come back as YYYY-MM-DD in the viewer's zone; format them as calendar dates, not instants.
const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
export const formatShortDay = (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`));
export const formatLongDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));
