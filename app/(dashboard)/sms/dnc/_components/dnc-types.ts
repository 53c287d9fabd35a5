import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type DncRegistry = inferRouterOutputs<AppRouter>["dnc"]["list"][number];
export type CountryOption = { code: string; name: string; callingCode: string };

export const INTERVALS: Array<{ hours: number | null; label: string }> = [
  { hours: null, label: "Never (upload by hand or refresh now)" },
  { hours: 1, label: "Every hour" },
  { hours: 6, label: "Every 6 hours" },
  { hours: 12, label: "Every 12 hours" },
  { hours: 24, label: "Every day" },
  { hours: 168, label: "Every week" },
];

export const intervalLabel = (hours: number | null) =>
  hours === null ? "Not scheduled" : (INTERVALS.find((option) => option.hours === hours)?.label ?? `Every ${hours} hours`);
