"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ListsIcon, PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { ListFormDialog } from "./list-form-dialog";

const count = (value: number) => <span className="tabular-nums">{value.toLocaleString()}</span>;

export function ListsTable({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const lists = useQuery(trpc.lists.list.queryOptions());
  const [creating, setCreating] = useState(false);

  const createButton = canEdit && (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      Create list
    </Button>
  );

  return (
    <>
      <PageHeader title="Lists" description="Hand-picked groups of contacts that people subscribe to." actions={lists.data?.length ? createButton : null} />
      {lists.isLoading ? (
        <Card>
          <TableSkeleton columns={5} />
        </Card>
      ) : lists.error ? (
        <Alert tone="error">{errorMessage(lists.error)}</Alert>
      ) : !lists.data?.length ? (
        <EmptyState
          icon={<ListsIcon />}
          title="No lists yet"
          description="Lists are groups of contacts people join through sign-up forms, imports or the API, such as “Newsletter” or “Product updates”."
          action={createButton}
        />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Lists">
            <TableHead>
              <tr>
                <TableHeaderCell>List</TableHeaderCell>
                <TableHeaderCell className="text-right">Subscribed</TableHeaderCell>
                <TableHeaderCell className="text-right">Unsubscribed</TableHeaderCell>
                <TableHeaderCell className="text-right">Bounced</TableHeaderCell>
                <TableHeaderCell>Created</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {lists.data.map((list) => (
                <TableRow key={list.id} className="relative">
                  <TableCell className="w-full max-w-0">
                    <Link
                      href={`/lists/${list.id}`}
                      className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                    >
                      {list.name}
                    </Link>
                    {list.description && <p className="truncate text-slate-500">{list.description}</p>}
                  </TableCell>
                  <TableCell className="text-right font-medium text-slate-900">{count(list.members.subscribed)}</TableCell>
                  <TableCell className="text-right">{count(list.members.unsubscribed)}</TableCell>
                  <TableCell className="text-right">{count(list.members.bounced)}</TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">{formatDate(list.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {canEdit && (
        <ListFormDialog
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(list) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey() });
            router.push(`/lists/${list.id}`);
          }}
        />
      )}
    </>
  );
}
