import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CampaignReportData } from "./campaign-labels";

const num = (value: number) => value.toLocaleString();

export function LinksTable({ links }: { links: CampaignReportData["links"] }) {
  if (links.length === 0) return <p className="px-5 py-6 text-sm text-slate-500 sm:px-6">No clicks yet.</p>;
  // Only a content A/B test's links carry a variant: there each variant's email has links of its own.
  const byVariant = links.some((link) => link.variant !== null);
  return (
    <Table aria-label="Top links">
      <TableHead>
        <tr>
          <TableHeaderCell>Link</TableHeaderCell>
          {byVariant && <TableHeaderCell>Variant</TableHeaderCell>}
          <TableHeaderCell className="text-right">People</TableHeaderCell>
          <TableHeaderCell className="text-right">Clicks</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {links.map((link) => (
          <TableRow key={`${link.variant ?? ""}:${link.linkIndex}`}>
            <TableCell className="w-full max-w-0">
              <a href={link.url} target="_blank" rel="noreferrer noopener" className="block truncate text-brand-700 hover:underline" title={link.url}>
                {link.url}
              </a>
            </TableCell>
            {byVariant && <TableCell className="whitespace-nowrap text-slate-600">{link.variant}</TableCell>}
            <TableCell className="text-right tabular-nums">{num(link.uniqueClicks)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(link.clicks)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const DOMAIN_COLUMNS = [
  ["sent", "Sent"],
  ["delivered", "Delivered"],
  ["opened", "Opens"],
  ["clicked", "Clicks"],
  ["bounced", "Bounced"],
  ["complained", "Complaints"],
  ["failed", "Failed"],
] as const;

export function DomainsTable({ domains }: { domains: CampaignReportData["domains"] }) {
  if (domains.length === 0) return <p className="px-5 py-6 text-sm text-slate-500 sm:px-6">Nothing recorded per domain yet.</p>;
  return (
    <Table aria-label="Recipient domains">
      <TableHead>
        <tr>
          <TableHeaderCell>Domain</TableHeaderCell>
          {DOMAIN_COLUMNS.map(([key, label]) => (
            <TableHeaderCell key={key} className="text-right">
              {label}
            </TableHeaderCell>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        {domains.map((domain) => (
          <TableRow key={domain.domain}>
            <TableCell className="font-medium text-slate-900">{domain.domain}</TableCell>
            {DOMAIN_COLUMNS.map(([key]) => (
              <TableCell key={key} className="text-right tabular-nums">
                {num(domain[key])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
