"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatBytes, formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { formatCount, ImportProgressBar, ImportStatusBadge, isActive, progressOf } from "./import-status";
import { MappingForm, type CountryOption } from "./mapping-form";

const REJECTIONS_SHOWN = 100;

/** One import: its mapping while it waits, its progress while it runs, then what happened to every row. */
export function ImportDetailView({ importId, canEdit, countries }: { importId: string; canEdit: boolean; countries: CountryOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { current } = useWorkspace();
  const detail = useQuery({
    ...trpc.imports.get.queryOptions({ importId }),
    // Every second while it is queued or running, so the bar moves and the result appears by itself.
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.phase) ? 1000 : false),
  });
  const phase = detail.data?.phase;
  const rejections = useQuery({
    ...trpc.imports.rejections.queryOptions({ importId, limit: REJECTIONS_SHOWN }),
    enabled: phase === "completed" || phase === "failed" || phase === "running",
    refetchInterval: phase === "running" ? 3000 : false,
  });
  // Rows rejected at the very end (repeats, conflicts) arrive with the result: fetch them again then.
  const { refetch: refetchRejections } = rejections;
  useEffect(() => {
    if (phase === "completed" || phase === "failed") void refetchRejections();
  }, [phase, refetchRejections]);
  const cancel = useMutation(
    trpc.imports.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() }) }),
  );

  if (detail.isLoading) {
    return (
      <div className="space-y-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (detail.error || !detail.data) return <Alert tone="error">{errorMessage(detail.error)}</Alert>;
  const data = detail.data;
  const progress = progressOf(data);

  return (
    <>
      <PageHeader
        title={data.filename}
        description={
          <>
            {formatBytes(data.sizeBytes)} · uploaded {formatDateTime(data.createdAt)}
            {data.listName ? (
              <>
                {" "}
                · into <Link href={`/lists/${data.listId}`} className="font-medium text-brand-700 hover:underline">{data.listName}</Link>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <ImportStatusBadge phase={data.phase} />
            {canEdit && (data.phase === "queued" || data.phase === "running" || data.phase === "mapping") && (
              <Button variant="danger-ghost" size="sm" pending={cancel.isPending} onClick={() => cancel.mutate({ importId })}>
                Cancel import
              </Button>
            )}
          </>
        }
      />
      <div className="space-y-6">
        {cancel.error && <Alert tone="error">{errorMessage(cancel.error)}</Alert>}

        {(data.phase === "mapping" || data.phase === "failed") && data.error && (
          <Alert tone="error" title="The import failed">
            {data.error}
            {canEdit && " Check the mapping below and start it again."}
          </Alert>
        )}

        {(data.phase === "queued" || data.phase === "running") && (
          <Card>
            <CardContent className="space-y-3">
              <div className="flex items-baseline justify-between gap-4 text-sm">
                <span className="font-medium text-slate-900">
                  {data.phase === "queued"
                    ? "Waiting for a worker…"
                    : progress !== null && progress >= 1
                      ? "Saving contacts…"
                      : `Reading rows: ${formatCount(data.processedRows)}${data.totalRows ? ` of about ${formatCount(data.totalRows)}` : ""}`}
                </span>
                {progress !== null && <span className="tabular-nums text-slate-500">{Math.round(progress * 100)}%</span>}
              </div>
              <ImportProgressBar progress={data} />
              {data.error && <p className="text-sm text-amber-700">{data.error}</p>}
              <p className="text-xs text-slate-500">You can leave this page: the import carries on in the background.</p>
            </CardContent>
          </Card>
        )}

        {data.phase === "completed" && (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {[
              ["Added", data.insertedRows, "new contacts"],
              ["Updated", data.updatedRows, "existing contacts changed"],
              ["Skipped", data.skippedRows, data.policy === "add_only" ? "already here, left alone" : "already here, nothing to change"],
              ["Rejected", data.rejectedRows, "rows that could not be used"],
            ].map(([label, value, hint]) => (
              <Card key={label as string} className="px-5 py-4">
                <dt className="text-sm text-slate-500">{label}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatCount(value as number)}</dd>
                <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd>
              </Card>
            ))}
          </dl>
        )}
        {data.phase === "completed" && (
          <p className="text-sm text-slate-500">
            {formatCount(data.totalRows)} rows read
            {data.startedAt && data.finishedAt ? ` in ${((data.finishedAt.getTime() - data.startedAt.getTime()) / 1000).toFixed(1)} s` : ""}.
          </p>
        )}
        {data.phase === "cancelled" && <Alert tone="info">This import was cancelled; no contacts were changed.</Alert>}

        {(data.phase === "mapping" || data.phase === "failed") && data.preview && (
          canEdit ? (
            <MappingForm detail={data} countries={countries} onStarted={() => detail.refetch()} />
          ) : (
            <Alert tone="info">This file is waiting for someone with the editor role to match its columns and start it.</Alert>
          )
        )}

        {data.rejectedRows > 0 && (data.phase === "completed" || data.phase === "failed" || data.phase === "running") && (
          <Card className="overflow-hidden">
            <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3 space-y-0">
              <div className="space-y-1">
                <CardTitle>Rejected rows</CardTitle>
                <CardDescription>
                  {data.rejectedRows > REJECTIONS_SHOWN ? `The first ${REJECTIONS_SHOWN} of ${formatCount(data.rejectedRows)}` : `All ${formatCount(data.rejectedRows)}`}, by
                  line in the file (line 1 is the header). Fix them and import the corrected rows again.
                  {data.rejectionsTruncated && " Only the first 100,000 rejected rows are kept."}
                </CardDescription>
              </div>
              <a
                href={`/api/imports/${importId}/rejections?workspace=${current.id}`}
                download
                className={buttonClasses({ variant: "secondary", size: "sm" })}
              >
                Download rejected rows (CSV)
              </a>
            </CardHeader>
            {rejections.error ? (
              <CardContent>
                <Alert tone="error">{errorMessage(rejections.error)}</Alert>
              </CardContent>
            ) : (
              <Table aria-label="Rejected rows">
                <TableHead>
                  <tr>
                    <TableHeaderCell className="text-right">Line</TableHeaderCell>
                    <TableHeaderCell>Reason</TableHeaderCell>
                    <TableHeaderCell>Row</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {rejections.data?.map((row) => (
                    <TableRow key={row.line}>
                      <TableCell className="text-right align-top tabular-nums text-slate-500">{row.line}</TableCell>
                      <TableCell className="align-top text-slate-900">{row.reason}</TableCell>
                      <TableCell className="max-w-md align-top">
                        <code className="block truncate font-mono text-xs text-slate-600" title={row.raw ?? undefined}>
                          {row.raw ?? "—"}
                        </code>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
