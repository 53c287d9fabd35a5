"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CampaignReportData } from "./campaign-labels";

type AbTestReport = NonNullable<CampaignReportData["abTest"]>;

const letter = (variant: number) => String.fromCharCode(64 + variant);
const num = (value: number) => value.toLocaleString();
const percent = (rate: number) => `${(rate * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;

/** An A/B test's variants side by side: what each was, what it did, which won; the rest of the audience last. */
export function VariantComparison({ abTest }: { abTest: AbTestReport }) {
  const rows = [...abTest.variants, ...(abTest.rest.sent > 0 ? [abTest.rest] : [])];
  const name = (variant: number) => (variant === 0 ? "Rest" : letter(variant));
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>A/B test</CardTitle>
        <CardDescription>
          {abTest.field === "subject" ? "Subject lines" : "Designs"} tried on {abTest.samplePercent}% of the audience; the winner is the best{" "}
          {abTest.winnerBy === "opens" ? "open" : "click"} rate (unique {abTest.winnerBy} ÷ sent).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <TimeSeriesChart
          ariaLabel="Open and click rates per variant"
          variant="bar"
          height={180}
          labels={abTest.variants.map((v) => String(v.variant))}
          formatLabel={(variant) => `Variant ${letter(Number(variant))}`}
          formatTitle={(variant) => `Variant ${letter(Number(variant))}: ${abTest.variants[Number(variant) - 1]?.label ?? ""}`}
          formatValue={(value) => `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })}%`}
          series={[
            { key: "open", label: "Open rate", color: "#059669", values: abTest.variants.map((v) => v.openRate * 100) },
            { key: "click", label: "Click rate", color: "#4f46e5", values: abTest.variants.map((v) => v.clickRate * 100) },
          ]}
        />
      </CardContent>
      <Table aria-label="A/B variants">
        <TableHead>
          <tr>
            <TableHeaderCell>Variant</TableHeaderCell>
            <TableHeaderCell>{abTest.field === "subject" ? "Subject" : "Template"}</TableHeaderCell>
            <TableHeaderCell className="text-right">Sent</TableHeaderCell>
            <TableHeaderCell className="text-right">Opened</TableHeaderCell>
            <TableHeaderCell className="text-right">Clicked</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.variant} data-testid={`variant-row-${row.variant}`}>
              <TableCell className="whitespace-nowrap">
                <span className="font-medium">{name(row.variant)}</span>{" "}
                {row.variant !== 0 && row.variant === abTest.winner && <Badge tone="green">Winner</Badge>}
              </TableCell>
              <TableCell className="w-full max-w-0">
                <span className="block truncate" title={row.label}>
                  {row.variant === 0 ? `The winner: ${row.label}` : row.label}
                </span>
              </TableCell>
              <TableCell className="text-right tabular-nums">{num(row.sent)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {num(row.uniqueOpens)} <span className="text-slate-500">({percent(row.openRate)})</span>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {num(row.uniqueClicks)} <span className="text-slate-500">({percent(row.clickRate)})</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
