"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ExportLink } from "@/components/audience/export-link";
import { useTRPC } from "@/components/providers/trpc";
import { ContactsIcon, PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatBytes, formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { formatCount, ImportProgressBar, ImportStatusBadge, isActive } from "./import-status";

export function ImportsTable({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  // Poll every second while something is queued or running, so progress moves on its own.
  const imports = useQuery({
    ...trpc.imports.list.queryOptions({ limit: 100 }),
    refetchInterval: (query) => (query.state.data?.some((row) => isActive(row.phase)) ? 1000 : false),
  });

  const newImport = canEdit && (
    <Link href="/contacts/imports/new" className={buttonClasses()}>
      <PlusIcon className="size-4" />
      Import CSV
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring contacts in from CSV files of any size, and take them out again as CSV."
        actions={
          <>
            <ExportLink label="Export all contacts" />
            {imports.data?.length ? newImport : null}
          </>
        }
      />
      {imports.isLoading ? (
        <Card>
          <TableSkeleton columns={5} />
        </Card>
      ) : imports.error ? (
        <Alert tone="error">{errorMessage(imports.error)}</Alert>
      ) : !imports.data?.length ? (
        <EmptyState
          icon={<ContactsIcon />}
          title="No imports yet"
          description="Upload a CSV with an email or phone column (names, consent and custom attributes too). Herald checks every row, tells you which ones it could not use and why, and adds the rest."
          action={newImport}
        />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Imports">
            <TableHead>
              <tr>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className="text-right">Rows</TableHeaderCell>
                <TableHeaderCell className="text-right">Added</TableHeaderCell>
                <TableHeaderCell className="text-right">Updated</TableHeaderCell>
                <TableHeaderCell className="text-right">Rejected</TableHeaderCell>
                <TableHeaderCell>Started</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {imports.data.map((row) => (
                <TableRow key={row.id} className="relative">
                  <TableCell className="w-full max-w-0">
                    <Link
                      href={`/contacts/imports/${row.id}`}
                      className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                    >
                      {row.filename}
                    </Link>
                    <p className="truncate text-xs text-slate-500">
                      {formatBytes(row.sizeBytes)}
                      {row.listName ? ` · into ${row.listName}` : ""}
                    </p>
                  </TableCell>
                  <TableCell className="min-w-40">
                    <div className="space-y-1.5">
                      <ImportStatusBadge phase={row.phase} />
                      {isActive(row.phase) && <ImportProgressBar progress={row} />}
                    </div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {row.phase === "running" && row.totalRows ? `${formatCount(row.processedRows)} / ~${formatCount(row.totalRows)}` : row.totalRows === null ? "—" : formatCount(row.totalRows)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row.phase === "completed" ? formatCount(row.insertedRows) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.phase === "completed" ? formatCount(row.updatedRows) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.rejectedRows ? formatCount(row.rejectedRows) : row.phase === "completed" ? "0" : "—"}</TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">
                    <time dateTime={row.createdAt.toISOString()} title={formatDateTime(row.createdAt)}>
                      {formatRelative(row.createdAt)}
                    </time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </>
  );
}
