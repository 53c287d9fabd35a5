"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon, SegmentsIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { countRules } from "../_lib/segment-draft";

const number = new Intl.NumberFormat();

/** Each segment is counted on its own, so a slow one does not hold up the list. */
function LiveCount({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.segments.count.queryOptions({ segmentId }), staleTime: 60_000, retry: false });
  if (count.isLoading) return <Spinner className="text-slate-400" />;
  if (count.error) {
    return (
      <span className="text-sm text-amber-700" title={errorMessage(count.error)}>
        needs fixing
      </span>
    );
  }
  return <span className="font-medium text-slate-900 tabular-nums">{number.format(count.data?.count ?? 0)}</span>;
}

export function SegmentsList({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const create = canEdit ? (
    <Link href="/segments/new" className={buttonClasses()}>
      <PlusIcon className="size-4" />
      New segment
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Segments"
        description="Audiences defined by rules that stay up to date on their own."
        actions={segments.data?.length ? create : null}
      />
      <ListTable
        query={segments}
        label="Segments"
        columns={["Name", { label: "Contacts", right: true }, { label: "Rules", right: true }, "Updated"]}
        empty={
          <EmptyState
            icon={<SegmentsIcon />}
            title="No segments yet"
            description="Segments select contacts by their attributes, lists and behaviour, like “ordered twice in the last 30 days”, and update as contacts change."
            action={create}
          />
        }
      >
        {(rows) =>
          rows.map((segment) => (
            <TableRow key={segment.id} className="relative">
              <TableCell>
                <Link href={`/segments/${segment.id}`} className="font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700">
                  {segment.name}
                </Link>
                {segment.description && <p className="max-w-md truncate text-xs text-slate-500">{segment.description}</p>}
              </TableCell>
              <TableCell className="text-right">
                <LiveCount segmentId={segment.id} />
              </TableCell>
              <TableCell className="text-right text-slate-500 tabular-nums">{countRules(segment.definition.root)}</TableCell>
              <TableCell className="whitespace-nowrap text-slate-500">
                <time dateTime={segment.updatedAt.toISOString()} title={formatDateTime(segment.updatedAt)}>
                  {formatRelative(segment.updatedAt)}
                </time>
              </TableCell>
            </TableRow>
          ))
        }
      </ListTable>
    </>
  );
}
