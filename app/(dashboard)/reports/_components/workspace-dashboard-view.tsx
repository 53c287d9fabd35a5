"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { PeriodSwitcher } from "./period-switcher";
import { RecentCampaignsTable } from "./recent-campaigns-table";
import { credits, formatLongDay, formatShortDay, percent, type Period, type WorkspaceDashboardData } from "./report-format";

function StatCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
      {detail && <p className="mt-0.5 text-sm text-slate-500 tabular-nums">{detail}</p>}
    </Card>
  );
}

function StatCards({ data }: { data: WorkspaceDashboardData }) {
  const { totals, rates } = data;
  return (
    <section aria-label="Totals" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
      <StatCard label="Sent" value={totals.sent.toLocaleString()} />
      <StatCard label="Opened" value={totals.uniqueOpens.toLocaleString()} detail={`${percent(rates.open)} of sent`} />
      <StatCard label="Clicked" value={totals.uniqueClicks.toLocaleString()} detail={`${percent(rates.click)} of sent`} />
      <StatCard label="Bounced" value={totals.bounced.toLocaleString()} detail={`${percent(rates.bounce)} of sent`} />
      <StatCard label="Unsubscribed" value={totals.unsubscribed.toLocaleString()} detail={`${percent(rates.unsubscribe)} of sent`} />
      <StatCard label="Complaints" value={totals.complained.toLocaleString()} detail={`${percent(rates.complaint)} of sent`} />
      <StatCard label="Credits spent" value={credits(data.credits.spent)} detail={`${credits(data.credits.refunded)} refunded`} />
    </section>
  );
}

/** The Reports page: the workspace's campaigns over the last 7, 30 or 90 days, in the viewer's calendar days. */
export function WorkspaceDashboardView() {
  const trpc = useTRPC();
  const [days, setDays] = useState<Period>(30);
  const [timezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const dashboard = useQuery({ ...trpc.reports.workspace.queryOptions({ days, timezone }), placeholderData: (previous) => previous });
  const data = dashboard.data;

  return (
    <>
      <PageHeader
        title="Reports"
        description="Campaign sends, opens, clicks, bounces and unsubscribes. Opens and clicks count people; rates are shares of what was sent."
        actions={<PeriodSwitcher value={days} onChange={setDays} />}
      />
      {dashboard.error ? (
        <Alert tone="error">{errorMessage(dashboard.error)}</Alert>
      ) : !data ? (
        <div role="status" aria-label="Loading" className="space-y-5">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <div className="space-y-5">
          <StatCards data={data} />
          <Card>
            <CardHeader>
              <CardTitle>Sent, opens and clicks</CardTitle>
              <CardDescription>Per day over the last {data.days} days, counted on the day each happened.</CardDescription>
            </CardHeader>
            <CardContent>
              <TimeSeriesChart
                ariaLabel={`Sent, opens and clicks per day over the last ${data.days} days`}
                variant={data.days === 90 ? "line" : "bar"}
                labels={data.series.map((day) => day.day)}
                formatLabel={formatShortDay}
                formatTitle={formatLongDay}
                series={[
                  { key: "sent", label: "Sent", color: "#64748b", values: data.series.map((day) => day.sent) },
                  { key: "opens", label: "Opens", color: "#059669", values: data.series.map((day) => day.opens) },
                  { key: "clicks", label: "Clicks", color: "#4f46e5", values: data.series.map((day) => day.clicks) },
                ]}
              />
            </CardContent>
          </Card>
          <Card className="overflow-hidden">
            <CardHeader>
              <CardTitle>Recent campaigns</CardTitle>
              <CardDescription>The last ten launched, with figures since each went out.</CardDescription>
            </CardHeader>
            <RecentCampaignsTable campaigns={data.campaigns} />
          </Card>
        </div>
      )}
    </>
  );
}
