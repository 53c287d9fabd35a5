import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CampaignProgress } from "@/server/domain/campaigns/get-campaign";

const LABELS = { email: "Email", sms: "SMS" } as const;

/** Recipients, skipped, sent and failed per channel, for campaigns that text (alone or beside email). */
export function ChannelCounts({ progress }: { progress: CampaignProgress }) {
  const rows = (["email", "sms"] as const).flatMap((channel) => (progress.byChannel[channel] ? [{ channel, ...progress.byChannel[channel]! }] : []));
  if (!rows.some((row) => row.channel === "sms")) return null;
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>By channel</CardTitle>
      </CardHeader>
      <CardContent className="p-0">
        <Table aria-label="By channel">
          <TableHead>
            <tr>
              <TableHeaderCell>Channel</TableHeaderCell>
              <TableHeaderCell className="text-right">Recipients</TableHeaderCell>
              <TableHeaderCell className="text-right">Skipped</TableHeaderCell>
              <TableHeaderCell className="text-right">Sent</TableHeaderCell>
              <TableHeaderCell className="text-right">Failed</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.channel}>
                <TableCell className="font-medium text-slate-900">{LABELS[row.channel]}</TableCell>
                {([row.recipients, row.skipped, row.sent, row.failed] as const).map((value, index) => (
                  <TableCell key={index} className="text-right tabular-nums">
                    {value.toLocaleString()}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
