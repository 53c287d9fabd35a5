import Link from "next/link";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { percent, type WorkspaceDashboardData } from "./report-format";

/** The last ten launched campaigns with their whole-life figures, as their own reports show them. */
export function RecentCampaignsTable({ campaigns }: { campaigns: WorkspaceDashboardData["campaigns"] }) {
  if (campaigns.length === 0) return <p className="px-6 pb-6 text-sm text-slate-500">No campaigns launched yet.</p>;
  return (
    <Table aria-label="Recent campaigns">
      <TableHead>
        <tr>
          <TableHeaderCell>Campaign</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell className="text-right">Sent</TableHeaderCell>
          <TableHeaderCell className="text-right">Open rate</TableHeaderCell>
          <TableHeaderCell className="text-right">Click rate</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {campaigns.map((campaign) => (
          <TableRow key={campaign.id} className="relative">
            <TableCell className="w-full max-w-0">
              <Link href={`/campaigns/${campaign.id}`} className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700">
                {campaign.name}
              </Link>
              {campaign.launchedAt && <p className="truncate text-slate-500">Started {formatDateTime(new Date(campaign.launchedAt))}</p>}
            </TableCell>
            <TableCell>
              <CampaignStatusBadge status={campaign.status} />
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{campaign.sent.toLocaleString()}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{percent(campaign.openRate)}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{percent(campaign.clickRate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
