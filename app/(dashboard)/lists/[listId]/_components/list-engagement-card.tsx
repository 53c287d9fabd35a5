"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/trpc-errors";

const RANGES = [7, 30, 90] as const;
const percent = (fraction: number) => `${(fraction * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;

/** How campaigns sent to this list did (reports.list); member counts are already on the page's cards. */
export function ListEngagementCard({ listId }: { listId: string }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const [timezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const report = useQuery({ ...trpc.reports.list.queryOptions({ listId, days, timezone }), placeholderData: (previous) => previous });
  const data = report.data;
  const figures = data
    ? [
        { label: "Sent", value: data.totals.sent.toLocaleString() },
        { label: "Open rate", value: percent(data.rates.open), detail: `${data.totals.uniqueOpens.toLocaleString()} people` },
        { label: "Click rate", value: percent(data.rates.click), detail: `${data.totals.uniqueClicks.toLocaleString()} people` },
        { label: "Bounce rate", value: percent(data.rates.bounce), detail: `${data.totals.bounced.toLocaleString()} bounced` },
        { label: "Unsubscribe rate", value: percent(data.rates.unsubscribe), detail: `${data.totals.unsubscribed.toLocaleString()} left` },
      ]
    : [];

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-4 space-y-0">
        <div className="space-y-1">
          <CardTitle>Engagement</CardTitle>
          <CardDescription>Campaigns sent to this list; rates are shares of what was sent.</CardDescription>
        </div>
        <div role="group" aria-label="Engagement period" className="inline-flex rounded-lg border border-slate-200 p-0.5">
          {RANGES.map((range) => (
            <button
              key={range}
              type="button"
              aria-pressed={days === range}
              onClick={() => setDays(range)}
              className={cn("rounded-md px-2.5 py-1 text-sm font-medium", days === range ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}
            >
              {range} days
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent>
        {report.error ? (
          <Alert tone="error">{errorMessage(report.error)}</Alert>
        ) : !data ? (
          <Skeleton className="h-16 w-full" />
        ) : (
          <dl aria-label="Engagement figures" className="grid grid-cols-2 gap-4 sm:grid-cols-5">
            {figures.map((figure) => (
              <div key={figure.label}>
                <dt className="text-sm text-slate-500">{figure.label}</dt>
                <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{figure.value}</dd>
                {figure.detail && <dd className="text-sm text-slate-500 tabular-nums">{figure.detail}</dd>}
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
