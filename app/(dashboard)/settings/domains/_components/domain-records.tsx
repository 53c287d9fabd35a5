"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { RefreshIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { TableSkeleton } from "@/components/ui/skeleton";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import type { DnsRecordKey } from "@/server/domain/delivery/domains/dns-records";
import { CheckBadge, DomainStatusBadge } from "./domain-status";

const LABELS: Record<DnsRecordKey, string> = { dkim: "DKIM", spf: "SPF", dmarc: "DMARC", return_path: "Return path (bounces)" };

/** The records to publish for one domain, each with a copy button and what the last "Check DNS" found. */
export function DomainRecords({ domainId, canManage, onChecked }: { domainId: string; canManage: boolean; onChecked: () => void }) {
  const trpc = useTRPC();
  const titleId = useId();
  const records = useQuery(trpc.sendingDomains.records.queryOptions({ domainId }));
  const verify = useMutation(trpc.sendingDomains.verify.mutationOptions({ onSuccess: onChecked }));
  const domain = records.data?.domain;
  const checked = verify.data?.lastCheckResult?.records.find((record) => record.key === "dkim");

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle id={titleId}>DNS records for {domain?.domain ?? "…"}</CardTitle>
            {domain && <DomainStatusBadge status={domain.status} />}
          </div>
          <CardDescription>
            Add these at your DNS host. Only DKIM is required: once Herald finds it, mail from {domain?.domain ?? "the domain"} is signed.
            {domain?.lastCheckedAt && (
              <>
                {" "}
                Last checked <time dateTime={domain.lastCheckedAt.toISOString()} title={formatDateTime(domain.lastCheckedAt)}>{formatRelative(domain.lastCheckedAt)}</time>.
              </>
            )}
          </CardDescription>
        </div>
        {canManage && (
          <Button variant="secondary" pending={verify.isPending} onClick={() => verify.mutate({ domainId })}>
            <RefreshIcon className="size-4" />
            Check DNS
          </Button>
        )}
      </CardHeader>
      <div className="space-y-4 px-5 py-5 sm:px-6">
        {verify.error && <Alert tone="error">{errorMessage(verify.error)}</Alert>}
        {verify.data && (
          <Alert
            tone={verify.data.status === "verified" ? "success" : "warning"}
            title={verify.data.status === "verified" ? `${verify.data.domain} is verified` : `${verify.data.domain} is not verified yet`}
          >
            {verify.data.status === "verified" ? "Herald signs mail from this domain with its DKIM key." : checked?.reason}
          </Alert>
        )}
        {records.isLoading ? (
          <TableSkeleton columns={3} rows={4} />
        ) : records.error ? (
          <Alert tone="error">{errorMessage(records.error)}</Alert>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="DNS records">
            {records.data?.records.map((record) => (
              <li key={record.key} className="space-y-3 p-4" aria-label={`${LABELS[record.key]} record`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-sm font-semibold text-slate-900">{LABELS[record.key]}</h3>
                  <Badge className="font-mono">{record.type}</Badge>
                  {record.required ? <Badge tone="brand">Required</Badge> : <Badge>{record.key === "return_path" ? "Optional for now" : "Recommended"}</Badge>}
                  {record.check && <CheckBadge status={record.check.status} />}
                </div>
                <p className="text-sm text-slate-600">{record.purpose}</p>
                <dl className="grid gap-3 text-sm sm:grid-cols-[7rem_1fr]">
                  <dt className="pt-1.5 text-slate-500">Name</dt>
                  <dd className="flex min-w-0 items-start gap-2">
                    <code className="min-w-0 flex-1 rounded-md bg-slate-50 px-2 py-1.5 font-mono text-xs break-all text-slate-800" title={record.name}>
                      {record.host}
                      <span className="text-slate-400"> ({record.name})</span>
                    </code>
                    <CopyButton value={record.host} aria-label={`Copy ${LABELS[record.key]} name`} />
                  </dd>
                  <dt className="pt-1.5 text-slate-500">Value</dt>
                  <dd className="flex min-w-0 items-start gap-2">
                    <code className="min-w-0 flex-1 rounded-md bg-slate-50 px-2 py-1.5 font-mono text-xs break-all text-slate-800">{record.value}</code>
                    <CopyButton value={record.value} aria-label={`Copy ${LABELS[record.key]} value`} />
                  </dd>
                </dl>
                {record.note && <p className="text-xs text-slate-500">{record.note}</p>}
                {record.check && (
                  <div className={record.check.status === "pass" ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
                    <p>{record.check.reason}</p>
                    {record.check.status === "fail" && record.check.found.length > 0 && (
                      <details className="mt-1 text-xs text-slate-600">
                        <summary className="cursor-pointer">What DNS has now</summary>
                        <ul className="mt-1 space-y-1">
                          {record.check.found.map((value, index) => (
                            <li key={index} className="font-mono break-all">
                              {value}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
