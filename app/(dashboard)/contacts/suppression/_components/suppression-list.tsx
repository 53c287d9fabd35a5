"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { BanIcon, UploadIcon } from "@/components/audience/block-icons";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { useDebounced } from "@/lib/use-debounced";
import type { SuppressionKind } from "@/server/domain/suppressions/suppression-entry";
import { AddSuppressionDialog } from "./add-suppression-dialog";
import { ImportSuppressionsDialog } from "./import-suppressions-dialog";
import { KIND_LABELS, REASON_LABELS, REASON_TONES, type CountryOption } from "./suppression-labels";
import { KeysetPager } from "@/components/ui/keyset-pager";

const PAGE_SIZE = 50;

export function SuppressionList({ canEdit, countries }: { canEdit: boolean; countries: CountryOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchInput, setSearchInput] = useState("");
  const search = useDebounced(searchInput.trim());
  const [kind, setKind] = useState<SuppressionKind | "">("");
  const [cursors, setCursors] = useState<string[]>([]);
  const [dialog, setDialog] = useState<"add" | "import" | null>(null);
  const [removing, setRemoving] = useState<{ id: string; value: string } | null>(null);
  useEffect(() => setCursors([]), [search, kind]);

  const list = useQuery({
    ...trpc.suppressions.list.queryOptions({ search: search || undefined, kind: kind || undefined, cursor: cursors.at(-1), limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation(trpc.suppressions.delete.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.suppressions.pathKey() });

  const rows = list.data?.items ?? [];
  const page = cursors.length;
  const first = page * PAGE_SIZE + 1;
  const filtered = !!search || !!kind;
  const isEmpty = !filtered && page === 0 && list.data && rows.length === 0;

  const actions = canEdit && (
    <>
      <Button variant="secondary" onClick={() => setDialog("import")}>
        <UploadIcon className="size-4" />
        Bulk import
      </Button>
      <Button onClick={() => setDialog("add")}>
        <PlusIcon className="size-4" />
        Add
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title="Suppression"
        description="Addresses, whole domains and phone numbers Herald never sends marketing to, whoever they belong to. Hard bounces and complaints also stop transactional messages."
        actions={actions}
      />

      {isEmpty ? (
        <EmptyState
          icon={<BanIcon />}
          title="Nothing is suppressed yet"
          description="Unsubscribes, hard bounces and complaints land here on their own. Add an address, a domain or a number by hand, or paste a list exported from another provider."
          action={actions ? <div className="flex flex-wrap justify-center gap-2">{actions}</div> : undefined}
        />
      ) : (
        <Card className="overflow-hidden">
          <div className="flex flex-col gap-3 border-b border-slate-100 px-5 py-3 sm:flex-row sm:items-center">
            <Input
              type="search"
              value={searchInput}
              onChange={(event) => setSearchInput(event.target.value)}
              placeholder="Search an address, domain or number"
              aria-label="Search suppressions"
              className="sm:max-w-sm"
            />
            <Select aria-label="Kind" value={kind} onChange={(event) => setKind(event.target.value as SuppressionKind | "")} className="sm:w-40">
              <option value="">All kinds</option>
              {(Object.keys(KIND_LABELS) as SuppressionKind[]).map((value) => (
                <option key={value} value={value}>
                  {KIND_LABELS[value]}
                </option>
              ))}
            </Select>
            <p className="text-sm text-slate-500 sm:ml-auto" aria-live="polite">
              {rows.length
                ? `${first.toLocaleString()}–${(first + rows.length - 1).toLocaleString()} of ${list.data?.total.toLocaleString()}`
                : list.isFetching
                  ? "Searching…"
                  : "No matches"}
            </p>
          </div>
          {list.isLoading ? (
            <TableSkeleton columns={5} />
          ) : list.error ? (
            <div className="p-5">
              <Alert tone="error">{errorMessage(list.error)}</Alert>
            </div>
          ) : rows.length === 0 ? (
            <p className="px-5 py-10 text-center text-sm text-slate-500">Nothing suppressed matches. Search any part of an address, a domain or a number.</p>
          ) : (
            <Table aria-label="Suppressions" className={list.isPlaceholderData ? "opacity-60" : undefined}>
              <TableHead>
                <tr>
                  <TableHeaderCell>Kind</TableHeaderCell>
                  <TableHeaderCell>Value</TableHeaderCell>
                  <TableHeaderCell>Reason</TableHeaderCell>
                  <TableHeaderCell>Added</TableHeaderCell>
                  {canEdit && (
                    <TableHeaderCell>
                      <span className="sr-only">Actions</span>
                    </TableHeaderCell>
                  )}
                </tr>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell>
                      <Badge>{KIND_LABELS[row.kind]}</Badge>
                    </TableCell>
                    <TableCell className="max-w-0 min-w-48 sm:w-2/5">
                      <p className="truncate font-mono text-[13px] text-slate-900" title={row.value}>
                        {row.kind === "domain" ? `@${row.value}` : row.value}
                      </p>
                      {row.note && <p className="truncate text-xs text-slate-500">{row.note}</p>}
                    </TableCell>
                    <TableCell>
                      <Badge tone={REASON_TONES[row.reason]}>{REASON_LABELS[row.reason]}</Badge>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-slate-500">
                      <time dateTime={row.createdAt.toISOString()} title={formatDateTime(row.createdAt)}>
                        {formatDate(row.createdAt)}
                      </time>
                      {row.createdByName && <span className="block text-xs">by {row.createdByName}</span>}
                    </TableCell>
                    {canEdit && (
                      <TableCell className="text-right">
                        <Button variant="danger-ghost" size="sm" aria-label={`Remove ${row.value}`} onClick={() => setRemoving({ id: row.id, value: row.value })}>
                          Remove
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <KeysetPager cursors={cursors} setCursors={setCursors} nextCursor={list.data?.nextCursor} stale={list.isPlaceholderData} />
        </Card>
      )}

      {canEdit && (
        <>
          <AddSuppressionDialog open={dialog === "add"} onClose={() => setDialog(null)} countries={countries} onAdded={refresh} />
          <ImportSuppressionsDialog open={dialog === "import"} onClose={() => setDialog(null)} countries={countries} onImported={refresh} />
          <ConfirmDialog
            open={removing !== null}
            onClose={() => {
              setRemoving(null);
              remove.reset();
            }}
            title={`Remove ${removing?.value ?? ""} from suppression?`}
            description="Herald may send to it again, as far as the contact's consent allows."
            confirmLabel="Remove"
            pending={remove.isPending}
            error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
            onConfirm={() =>
              removing &&
              remove.mutate(
                { suppressionId: removing.id },
                {
                  onSuccess: async () => {
                    setRemoving(null);
                    await refresh();
                  },
                },
              )
            }
          />
        </>
      )}
    </>
  );
}
