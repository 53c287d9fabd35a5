import type { CampaignReportData } from "./campaign-labels";

type FunnelKey = keyof CampaignReportData["funnel"];

const ROWS: { key: FunnelKey; label: string; color: string; note?: string }[] = [
  { key: "sent", label: "Sent", color: "bg-brand-500" },
  { key: "delivered", label: "Delivered", color: "bg-brand-400" },
  { key: "opened", label: "Opened", color: "bg-emerald-500", note: "people" },
  { key: "clicked", label: "Clicked", color: "bg-emerald-600", note: "people" },
  { key: "bounced", label: "Bounced", color: "bg-amber-500" },
  { key: "unsubscribed", label: "Unsubscribed", color: "bg-slate-400" },
  { key: "complained", label: "Complained", color: "bg-red-500" },
  { key: "failed", label: "Failed", color: "bg-red-400" },
];

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%` : "—");

/** Horizontal bars against what was sent; each row also says its figure and share in text. */
export function ReportFunnel({ funnel }: { funnel: CampaignReportData["funnel"] }) {
  const base = Math.max(funnel.sent, ...ROWS.map((row) => funnel[row.key]), 1);
  return (
    <ul aria-label="Funnel" className="space-y-2.5">
      {ROWS.map((row) => (
        <li key={row.key} className="grid grid-cols-[7.5rem_1fr_4.5rem_3.5rem] items-center gap-3 text-sm" data-kind={row.key}>
          <span className="text-slate-700">{row.label}</span>
          <span className="h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
            <span className={`block h-full rounded-full ${row.color}`} style={{ width: `${(funnel[row.key] / base) * 100}%` }} />
          </span>
          <span className="text-right font-medium text-slate-900 tabular-nums" data-testid={`funnel-${row.key}`}>
            {funnel[row.key].toLocaleString()}
          </span>
          <span className="text-right text-xs text-slate-500 tabular-nums">{row.key === "sent" ? "" : percent(funnel[row.key], funnel.sent)}</span>
        </li>
      ))}
    </ul>
  );
}
