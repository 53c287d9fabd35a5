"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ExportLink } from "@/components/audience/export-link";
import { useTRPC } from "@/components/providers/trpc";
import { ContactsIcon, PlusIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatBytes, formatDateTime, formatRelative } from "@/lib/format";
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
      <ListTable
        query={imports}
        label="Imports"
        columns={["File", "Status", { label: "Rows", right: true }, { label: "Added", right: true }, { label: "Updated", right: true }, { label: "Rejected", right: true }, "Started"]}
        empty={
          <EmptyState
            icon={<ContactsIcon />}
            title="No imports yet"
            description="Upload a CSV with an email or phone column (names, consent and custom attributes too). Herald checks every row, tells you which ones it could not use and why, and adds the rest."
            action={newImport}
          />
        }
      >
        {(rows) =>
          rows.map((row) => (
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
          ))
        }
      </ListTable>
    </>
  );
}
