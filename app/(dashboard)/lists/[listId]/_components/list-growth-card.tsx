"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/trpc-errors";

const RANGES = [30, 90] as const;

// Days come back as YYYY-MM-DD in the viewer's zone; format them as calendar dates, not instants.
const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function ListGrowthCard({ listId }: { listId: string }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const [timezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const growth = useQuery(trpc.lists.growth.queryOptions({ listId, days, timezone }));

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-4 space-y-0">
        <div className="space-y-1">
          <CardTitle>Growth</CardTitle>
          <CardDescription>New subscriptions, unsubscribes and bounces per day.</CardDescription>
        </div>
        <div role="group" aria-label="Range" className="inline-flex rounded-lg border border-slate-200 p-0.5">
          {RANGES.map((range) => (
            <button
              key={range}
              type="button"
              aria-pressed={days === range}
              onClick={() => setDays(range)}
              className={cn(
                "rounded-md px-2.5 py-1 text-sm font-medium",
                days === range ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {range} days
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent>
        {growth.isLoading ? (
          <Skeleton className="h-56 w-full" />
        ) : growth.error ? (
          <Alert tone="error">{errorMessage(growth.error)}</Alert>
        ) : growth.data ? (
          <TimeSeriesChart
            ariaLabel={`New subscriptions, unsubscribes and bounces per day over the last ${days} days`}
            variant={days === 30 ? "bar" : "line"}
            labels={growth.data.series.map((day) => day.day)}
            formatLabel={(day) => shortDay.format(asDate(day))}
            formatTitle={(day) => longDay.format(asDate(day))}
            series={[
              { key: "subscribed", label: "Subscribed", color: "#059669", values: growth.data.series.map((d) => d.subscribed) },
              { key: "unsubscribed", label: "Unsubscribed", color: "#94a3b8", values: growth.data.series.map((d) => d.unsubscribed) },
              { key: "bounced", label: "Bounced", color: "#dc2626", values: growth.data.series.map((d) => d.bounced) },
            ]}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}
