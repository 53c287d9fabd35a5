"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import type { Role } from "@/server/domain/workspaces/roles";
import type { RoleRules } from "./members-settings";

const roleLabel = (role: Role) => role.charAt(0).toUpperCase() + role.slice(1);
const ROLE_TONE = { owner: "brand", admin: "green", editor: "neutral", viewer: "neutral" } as const;

type Member = { id: string; userId: string; name: string; email: string; role: Role; joinedAt: Date };

export function MembersCard({ currentUserId, canManage, assignableRoles, roleDescriptions }: RoleRules) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions());
  const remove = useMutation(trpc.members.remove.mutationOptions());
  const [removing, setRemoving] = useState<Member | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const refresh = async (affectsMe: boolean) => {
    await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
    // My own role drives the switcher and what this page lets me do, both rendered by the server.
    if (affectsMe) router.refresh();
  };

  const onRoleChange = (member: Member, role: Role) => {
    setRowError(null);
    changeRole.mutate(
      { memberId: member.id, role },
      {
        onSuccess: () => refresh(member.userId === currentUserId),
        onError: (error) => {
          setRowError(errorMessage(error));
          void refresh(false);
        },
      },
    );
  };

  const canEdit = (member: Member) => canManage && assignableRoles.includes(member.role);

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>Members</CardTitle>
        <CardDescription>
          {canManage
            ? "Change what each person can do, or remove them from the workspace."
            : "The people in this workspace. Only admins and owners can invite or manage members."}
        </CardDescription>
      </CardHeader>
      {rowError && (
        <div className="px-5 pt-4 sm:px-6">
          <Alert tone="error">{rowError}</Alert>
        </div>
      )}
      {members.isLoading ? (
        <TableSkeleton columns={3} rows={2} />
      ) : members.error ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(members.error)}</Alert>
        </div>
      ) : (
        <Table aria-label="Members">
          <TableHead>
            <tr>
              <TableHeaderCell>Member</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Joined</TableHeaderCell>
              {canManage && (
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              )}
            </tr>
          </TableHead>
          <TableBody>
            {members.data?.map((member) => {
              const isMe = member.userId === currentUserId;
              return (
                <TableRow key={member.id}>
                  <TableCell>
                    <div className="flex items-center gap-3">
                      <span
                        aria-hidden="true"
                        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-600"
                      >
                        {(member.name || member.email).charAt(0).toUpperCase()}
                      </span>
                      <div className="min-w-0">
                        <p className="truncate font-medium text-slate-900">
                          {member.name}
                          {isMe && <span className="ml-1.5 font-normal text-slate-400">(you)</span>}
                        </p>
                        <p className="truncate text-xs text-slate-500">{member.email}</p>
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="w-48">
                    {canEdit(member) ? (
                      <Select
                        aria-label={`Role for ${member.name || member.email}`}
                        value={member.role}
                        disabled={changeRole.isPending}
                        onChange={(event) => onRoleChange(member, event.target.value as Role)}
                        className="w-40"
                      >
                        {assignableRoles.map((role) => (
                          <option key={role} value={role} title={roleDescriptions[role]}>
                            {roleLabel(role)}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <Badge tone={ROLE_TONE[member.role]} title={roleDescriptions[member.role]}>
                        {roleLabel(member.role)}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">{formatDate(member.joinedAt)}</TableCell>
                  {canManage && (
                    <TableCell className="text-right">
                      {canEdit(member) && !isMe && (
                        <Button
                          variant="danger-ghost"
                          size="sm"
                          aria-label={`Remove ${member.name || member.email}`}
                          onClick={() => setRemoving(member)}
                        >
                          Remove
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}

      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={`Remove ${removing?.name || removing?.email}?`}
        description={`${removing?.email} will lose access to this workspace at once. You can invite them again later.`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { memberId: removing.id },
            {
              onSuccess: async () => {
                setRemoving(null);
                await refresh(false);
              },
            },
          )
        }
      />
    </Card>
  );
}
