"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import type { CampaignReportData } from "./campaign-labels";
import { ReportFunnel } from "./report-funnel";
import { DomainsTable, LinksTable } from "./report-tables";
import { VariantComparison } from "./variant-comparison";

const credits = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 4 });
const hourLabel = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const hourTitle = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
const dayLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const dayTitle = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** The campaign's report: funnel, opens and clicks over time, links, domains and credits spent. */
export function CampaignReportSection({ report, error }: { report: CampaignReportData | undefined; error: unknown }) {
  if (error) return <Alert tone="error">{errorMessage(error)}</Alert>;
  if (!report) return <Skeleton className="h-64 w-full" />;
  const { activity } = report;
  const daily = activity.bucket === "day";
  return (
    <section aria-label="Report" className="space-y-5">
      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Funnel</CardTitle>
            <CardDescription>Opens and clicks count people; the rest count messages. Shares are of what was sent.</CardDescription>
          </CardHeader>
          <CardContent>
            <ReportFunnel funnel={report.funnel} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Credits spent</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <p className="text-3xl font-semibold text-slate-900 tabular-nums" data-testid="credits-spent">
              {credits(report.credits.spent)}
            </p>
            <dl className="space-y-1 text-sm text-slate-600">
              <div className="flex justify-between">
                <dt>Charged</dt>
                <dd className="tabular-nums">{credits(report.credits.charged)}</dd>
              </div>
              <div className="flex justify-between">
                <dt>Refunded (never sent)</dt>
                <dd className="tabular-nums">{credits(report.credits.refunded)}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
      </div>
      {report.abTest && <VariantComparison abTest={report.abTest} />}
      <Card>
        <CardHeader>
          <CardTitle>Opens and clicks</CardTitle>
          <CardDescription>{daily ? "Per day (UTC), since the first message went out." : "Per hour, since the first message went out."}</CardDescription>
        </CardHeader>
        <CardContent>
          {activity.points.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-500">Nothing yet: opens and clicks show here as they come in.</p>
          ) : (
            <TimeSeriesChart
              ariaLabel={`Opens and clicks per ${daily ? "day" : "hour"}`}
              variant="bar"
              labels={activity.points.map((point) => point.at)}
              formatLabel={(at) => (daily ? dayLabel : hourLabel).format(new Date(at))}
              formatTitle={(at) => (daily ? dayTitle : hourTitle).format(new Date(at))}
              series={[
                { key: "opens", label: "Opens", color: "#059669", values: activity.points.map((point) => point.opens) },
                { key: "clicks", label: "Clicks", color: "#4f46e5", values: activity.points.map((point) => point.clicks) },
              ]}
            />
          )}
        </CardContent>
      </Card>
      <div className="grid gap-5 xl:grid-cols-2">
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Top links</CardTitle>
          </CardHeader>
          <LinksTable links={report.links} />
        </Card>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Recipient domains</CardTitle>
          </CardHeader>
          <DomainsTable domains={report.domains} />
        </Card>
      </div>
    </section>
  );
}
