"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { contactName, hasName } from "@/components/audience/contact-name";
import { MEMBER_STATUS_LABELS, MemberStatusBadge } from "@/components/audience/member-status-badge";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { LIST_MEMBER_STATUSES, type ListMemberStatus } from "@/server/domain/lists/list-rules";
import { KeysetPager } from "@/components/ui/keyset-pager";

const PAGE_SIZE = 50;

export function ListMembersCard({
  listId,
  canEdit,
  onAdd,
  onChanged,
}: {
  listId: string;
  canEdit: boolean;
  onAdd: () => void;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<ListMemberStatus | "">("");
  const [cursors, setCursors] = useState<string[]>([]);
  const members = useQuery({
    ...trpc.lists.members.queryOptions({ listId, status: status || undefined, cursor: cursors.at(-1), limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const setMemberStatus = useMutation(trpc.lists.setMemberStatus.mutationOptions());
  const remove = useMutation(trpc.lists.removeMembers.mutationOptions());
  const error = setMemberStatus.error ?? remove.error;
  const rows = members.data?.members ?? [];

  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-center sm:justify-between">
        <CardTitle>Members</CardTitle>
        <div className="flex items-center gap-2">
          <Select
            aria-label="Show members who are"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ListMemberStatus | "");
              setCursors([]);
            }}
            className="w-44"
          >
            <option value="">Everyone</option>
            {LIST_MEMBER_STATUSES.map((option) => (
              <option key={option} value={option}>
                {MEMBER_STATUS_LABELS[option]}
              </option>
            ))}
          </Select>
          {canEdit && (
            <Button onClick={onAdd}>
              <PlusIcon className="size-4" />
              Add contacts
            </Button>
          )}
        </div>
      </CardHeader>
      {error && (
        <div className="px-5 pt-4">
          <Alert tone="error">{errorMessage(error)}</Alert>
        </div>
      )}
      {members.isLoading ? (
        <TableSkeleton columns={4} />
      ) : members.error ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(members.error)}</Alert>
        </div>
      ) : rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-slate-500">
          {status ? `No ${MEMBER_STATUS_LABELS[status].toLowerCase()} members.` : "Nobody is on this list yet."}
        </p>
      ) : (
        <Table aria-label="Members" className={members.isPlaceholderData ? "opacity-60" : undefined}>
          <TableHead>
            <tr>
              <TableHeaderCell>Contact</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Subscribed</TableHeaderCell>
              {canEdit && (
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              )}
            </tr>
          </TableHead>
          <TableBody>
            {rows.map((member) => {
              const name = contactName(member);
              return (
                <TableRow key={member.contactId}>
                  <TableCell className="w-full max-w-0">
                    <Link href={`/contacts/${member.contactId}`} className="block truncate font-medium text-slate-900 hover:text-brand-700">
                      {name}
                    </Link>
                    {hasName(member) && <p className="truncate text-slate-500">{member.email ?? member.phone}</p>}
                  </TableCell>
                  <TableCell>
                    {canEdit ? (
                      <Select
                        aria-label={`Status of ${name}`}
                        value={member.status}
                        disabled={setMemberStatus.isPending}
                        onChange={(event) =>
                          setMemberStatus.mutate(
                            { listId, contactId: member.contactId, status: event.target.value as ListMemberStatus },
                            { onSuccess: onChanged },
                          )
                        }
                        className="w-40"
                      >
                        {LIST_MEMBER_STATUSES.map((option) => (
                          <option key={option} value={option}>
                            {MEMBER_STATUS_LABELS[option]}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <MemberStatusBadge status={member.status} />
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">
                    <time dateTime={member.subscribedAt.toISOString()} title={formatDateTime(member.subscribedAt)}>
                      {formatDate(member.subscribedAt)}
                    </time>
                  </TableCell>
                  {canEdit && (
                    <TableCell className="text-right">
                      <Button
                        variant="danger-ghost"
                        size="sm"
                        aria-label={`Remove ${name} from the list`}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ listId, contactIds: [member.contactId] }, { onSuccess: onChanged })}
                      >
                        Remove
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <KeysetPager cursors={cursors} setCursors={setCursors} nextCursor={members.data?.nextCursor} stale={members.isPlaceholderData} />
    </Card>
  );
}
