"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon, ListsIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { errorCode, errorMessage } from "@/lib/trpc-errors";
import { ListFormDialog } from "../../_components/list-form-dialog";
import { AddMembersDialog } from "./add-members-dialog";
import { ListEngagementCard } from "./list-engagement-card";
import { ListGrowthCard } from "./list-growth-card";
import { ListMembersCard } from "./list-members-card";
import { ExportLink } from "@/components/audience/export-link";

function StatCard({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <Card className="px-5 py-4">
      <p className="flex items-center gap-2 text-sm text-slate-500">
        <span className={cn("size-2 rounded-full", tone)} aria-hidden="true" />
        {label}
      </p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value.toLocaleString()}</p>
    </Card>
  );
}

export function ListDetail({ listId, canEdit }: { listId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const list = useQuery(trpc.lists.get.queryOptions({ listId }));
  const remove = useMutation(trpc.lists.delete.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.get.pathKey() });
  };

  const back = (
    <Link href="/lists" className="mb-4 inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-800">
      <ArrowLeftIcon className="size-4" />
      All lists
    </Link>
  );

  if (list.isLoading) {
    return (
      <div role="status" aria-label="Loading" className="space-y-4">
        {back}
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (list.error || !list.data) {
    const missing = ["NOT_FOUND", "BAD_REQUEST"].includes(errorCode(list.error) ?? "");
    return (
      <>
        {back}
        {missing ? (
          <EmptyState icon={<ListsIcon />} title="List not found" description="It may have been deleted, or it belongs to another workspace." />
        ) : (
          <Alert tone="error">{errorMessage(list.error)}</Alert>
        )}
      </>
    );
  }

  const { members } = list.data;
  return (
    <>
      {back}
      <PageHeader
        title={list.data.name}
        description={list.data.description ?? undefined}
        actions={
          <>
            <ExportLink listId={list.data.id} />
            {canEdit && (
              <>
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button variant="danger-ghost" onClick={() => setConfirmDelete(true)}>
                  Delete
                </Button>
              </>
            )}
          </>
        }
      />

      <div className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard label="Subscribed" value={members.subscribed} tone="bg-emerald-600" />
          <StatCard label="Unsubscribed" value={members.unsubscribed} tone="bg-slate-400" />
          <StatCard label="Bounced" value={members.bounced} tone="bg-red-600" />
        </div>
        <ListGrowthCard listId={listId} />
        <ListEngagementCard listId={listId} />
        <ListMembersCard listId={listId} canEdit={canEdit} onAdd={() => setAdding(true)} onChanged={refresh} />
      </div>

      {canEdit && (
        <>
          <ListFormDialog
            open={editing}
            list={list.data}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              refresh();
            }}
          />
          <AddMembersDialog listId={listId} listName={list.data.name} open={adding} onClose={() => setAdding(false)} onAdded={refresh} />
          <ConfirmDialog
            open={confirmDelete}
            onClose={() => {
              setConfirmDelete(false);
              remove.reset();
            }}
            title={`Delete “${list.data.name}”?`}
            description={`Its ${members.total.toLocaleString()} memberships go with it; the contacts themselves stay. This cannot be undone.`}
            confirmLabel="Delete list"
            pending={remove.isPending}
            error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
            onConfirm={() =>
              remove.mutate(
                { listId },
                {
                  onSuccess: () => {
                    queryClient.removeQueries({ queryKey: trpc.lists.get.queryKey({ listId }) });
                    void queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey() });
                    router.push("/lists");
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
