"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ListsIcon, PlusIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
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
      <ListTable
        query={lists}
        label="Lists"
        columns={["List", { label: "Subscribed", right: true }, { label: "Unsubscribed", right: true }, { label: "Bounced", right: true }, "Created"]}
        empty={
          <EmptyState
            icon={<ListsIcon />}
            title="No lists yet"
            description="Lists are groups of contacts people join through sign-up forms, imports or the API, such as “Newsletter” or “Product updates”."
            action={createButton}
          />
        }
      >
        {(rows) =>
          rows.map((list) => (
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
          ))
        }
      </ListTable>
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
