"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { KeyIcon, PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format";
import { errorCode, errorMessage } from "@/lib/trpc-errors";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

export type ScopeOption = { scope: ApiScope; description: string };

function AdminsOnly() {
  return (
    <EmptyState
      icon={<KeyIcon />}
      title="Only admins can manage API keys"
      description="API keys let applications act on this workspace, so only admins and owners can see, create or revoke them. Ask one of them if you need a key."
    />
  );
}

export function ApiKeysSettings({ canManage, scopes }: { canManage: boolean; scopes: ScopeOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery({ ...trpc.apiKeys.list.queryOptions(), enabled: canManage });
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const descriptions = Object.fromEntries(scopes.map((option) => [option.scope, option.description]));

  // The role may have changed since the page was rendered; the server's FORBIDDEN is the final word.
  if (!canManage || errorCode(keys.error) === "FORBIDDEN") return <AdminsOnly />;

  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      Create API key
    </Button>
  );

  return (
    <>
      <Card className="overflow-hidden">
        <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-center sm:justify-between">
          <div className="space-y-1">
            <CardTitle>API keys</CardTitle>
            <CardDescription>
              Keys let your applications use the API and the SMTP relay as this workspace. Give each app its own key with
              only the scopes it needs.
            </CardDescription>
          </div>
          {!!keys.data?.length && createButton}
        </CardHeader>
        <ListTable
          embedded
          query={keys}
          label="API keys"
          columns={["Name", "Key", "Scopes", "Created", "Last used", { label: "Status and actions", hidden: true }]}
          empty={
            <EmptyState
              className="m-5 border-slate-200 sm:m-6"
              icon={<KeyIcon />}
              title="No API keys yet"
              description="Create a key to send from your own applications, sync contacts or connect to the SMTP relay."
              action={createButton}
            />
          }
        >
          {(rows) =>
            rows.map((key) => {
              const revoked = key.revokedAt !== null;
              return (
                <TableRow key={key.id} className={cn(revoked && "bg-slate-50/60")}>
                  <TableCell className={cn("font-medium", revoked ? "text-slate-400 line-through" : "text-slate-900")}>
                    {key.name}
                  </TableCell>
                  <TableCell>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-slate-700">
                      {key.prefix}…
                    </code>
                  </TableCell>
                  <TableCell>
                    <div className="flex max-w-xs flex-wrap gap-1">
                      {key.scopes.map((scope) => (
                        <Badge key={scope} tone={revoked ? "neutral" : "brand"} title={descriptions[scope]} className="font-mono">
                          {scope}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">
                    {formatDate(key.createdAt)}
                    {key.createdByName && <span className="block text-xs">by {key.createdByName}</span>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">
                    {key.lastUsedAt ? (
                      <time dateTime={key.lastUsedAt.toISOString()} title={formatDateTime(key.lastUsedAt)}>
                        {formatRelative(key.lastUsedAt)}
                      </time>
                    ) : (
                      "never"
                    )}
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    {revoked ? (
                      <Badge tone="red" title={key.revokedAt ? `Revoked ${formatDateTime(key.revokedAt)}` : undefined}>
                        Revoked
                      </Badge>
                    ) : (
                      <Button
                        variant="danger-ghost"
                        size="sm"
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => setRevoking({ id: key.id, name: key.name })}
                      >
                        Revoke
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })
          }
        </ListTable>
      </Card>

      <CreateApiKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        scopes={scopes}
        onCreated={() => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() })}
      />

      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={`Revoke “${revoking?.name}”?`}
        description="Applications using this key will be refused at once. This cannot be undone."
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
        onConfirm={() =>
          revoking &&
          revoke.mutate(
            { apiKeyId: revoking.id },
            {
              onSuccess: async () => {
                setRevoking(null);
                await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
              },
            },
          )
        }
      />
    </>
  );
}
