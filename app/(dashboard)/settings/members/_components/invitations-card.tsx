"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";

export function InvitationsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitations.list.queryOptions());
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions());
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>Pending invitations</CardTitle>
        <CardDescription>Invitations that have not been accepted yet. Revoke one to make its link stop working.</CardDescription>
      </CardHeader>
      {invitations.isLoading ? (
        <TableSkeleton columns={3} rows={1} />
      ) : invitations.error ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(invitations.error)}</Alert>
        </div>
      ) : !invitations.data?.length ? (
        <p className="px-5 py-6 text-sm text-slate-500 sm:px-6">No pending invitations.</p>
      ) : (
        <Table aria-label="Pending invitations">
          <TableHead>
            <tr>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Invited</TableHeaderCell>
              <TableHeaderCell>Expires</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {invitations.data.map((invitation) => (
              <TableRow key={invitation.id}>
                <TableCell className="font-medium text-slate-900">{invitation.email}</TableCell>
                <TableCell className="capitalize">{invitation.role}</TableCell>
                <TableCell className="whitespace-nowrap text-slate-500">
                  {formatDate(invitation.createdAt)}
                  {invitation.invitedByName && <span className="block text-xs">by {invitation.invitedByName}</span>}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {invitation.expired ? (
                    <Badge tone="amber">Expired</Badge>
                  ) : (
                    <span className="text-slate-500" title={invitation.expiresAt.toLocaleString()}>
                      {formatRelative(invitation.expiresAt)}
                    </span>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  <Button
                    variant="danger-ghost"
                    size="sm"
                    aria-label={`Revoke invitation for ${invitation.email}`}
                    onClick={() => setRevoking({ id: invitation.id, email: invitation.email })}
                  >
                    Revoke
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title="Revoke this invitation?"
        description={`The link sent to ${revoking?.email} will stop working. You can invite them again later.`}
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        error={revoke.error ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
        onConfirm={() =>
          revoking &&
          revoke.mutate(
            { invitationId: revoking.id },
            {
              onSuccess: async () => {
                setRevoking(null);
                await queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
              },
            },
          )
        }
      />
    </Card>
  );
}
