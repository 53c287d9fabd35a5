"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { formatCredits } from "./credit-format";

// Days come back as YYYY-MM-DD in the viewer's zone; format them as calendar dates, not instants.
const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function CreditSpendCard() {
  const trpc = useTRPC();
  const [timezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const spend = useQuery(trpc.credits.spendByDay.queryOptions({ timezone }));
  const series = spend.data?.series ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Spending</CardTitle>
        <CardDescription>
          Credits spent on sending per day over the last 30 days, by channel, and what came back for messages that never left.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {spend.isLoading ? (
          <Skeleton className="h-56 w-full" />
        ) : spend.error ? (
          <Alert tone="error">{errorMessage(spend.error)}</Alert>
        ) : spend.data && spend.data.totals.spent === 0 && spend.data.totals.refunded === 0 ? (
          <p className="py-10 text-center text-sm text-slate-500">Nothing spent in the last 30 days. Sending campaigns spends credits.</p>
        ) : spend.data ? (
          <TimeSeriesChart
            ariaLabel="Credits spent on email and SMS, and refunded, per day over the last 30 days"
            variant="bar"
            labels={series.map((day) => day.day)}
            formatLabel={(day) => shortDay.format(asDate(day))}
            formatTitle={(day) => longDay.format(asDate(day))}
            formatValue={formatCredits}
            series={[
              { key: "email", label: "Email", color: "#4f46e5", values: series.map((day) => day.emailSpent) },
              { key: "sms", label: "SMS", color: "#0891b2", values: series.map((day) => day.smsSpent) },
              { key: "refunded", label: "Refunded", color: "#94a3b8", values: series.map((day) => day.emailRefunded + day.smsRefunded) },
            ]}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}
