"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { formatDate } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import type { ListMemberStatus } from "@/server/domain/lists/list-rules";
import { MemberStatusBadge } from "@/components/audience/member-status-badge";

type Membership = { listId: string; name: string; status: ListMemberStatus; subscribedAt: Date; statusChangedAt: Date };

export function ContactListsCard({
  contactId,
  memberships,
  canEdit,
  onChanged,
}: {
  contactId: string;
  memberships: Membership[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const lists = useQuery({ ...trpc.lists.list.queryOptions(), enabled: canEdit });
  const add = useMutation(trpc.lists.addMembers.mutationOptions());
  const remove = useMutation(trpc.lists.removeMembers.mutationOptions());
  const [listId, setListId] = useState("");
  // Lists the contact is not subscribed to (re-adding re-subscribes someone who left).
  const choices = (lists.data ?? []).filter((list) => !memberships.some((m) => m.listId === list.id && m.status === "subscribed"));
  const error = add.error ?? remove.error;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Lists</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {memberships.length === 0 ? (
          <p className="text-sm text-slate-500">Not on any list.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="List memberships">
            {memberships.map((membership) => (
              <li key={membership.listId} className="flex items-center justify-between gap-3 py-2.5 first:pt-0">
                <div className="min-w-0">
                  <Link href={`/lists/${membership.listId}`} className="block truncate text-sm font-medium text-slate-900 hover:text-brand-700">
                    {membership.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {membership.status === "subscribed"
                      ? `Since ${formatDate(membership.subscribedAt)}`
                      : `${formatDate(membership.statusChangedAt)}`}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-1">
                  <MemberStatusBadge status={membership.status} />
                  {canEdit && (
                    <Button
                      variant="danger-ghost"
                      size="sm"
                      aria-label={`Remove from ${membership.name}`}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ listId: membership.listId, contactIds: [contactId] }, { onSuccess: onChanged })}
                    >
                      Remove
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <Form
            className="flex gap-2 border-t border-slate-100 pt-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (!listId) return;
              add.mutate(
                { listId, contactIds: [contactId] },
                {
                  onSuccess: () => {
                    setListId("");
                    onChanged();
                  },
                },
              );
            }}
          >
            <Select aria-label="List to add to" value={listId} onChange={(event) => setListId(event.target.value)} className="min-w-0 flex-1">
              <option value="">{lists.data && choices.length === 0 ? "On every list" : "Add to a list…"}</option>
              {choices.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary" disabled={!listId} pending={add.isPending}>
              Add
            </Button>
          </Form>
        )}
        {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      </CardContent>
    </Card>
  );
}
