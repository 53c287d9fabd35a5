"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import type { SendingDomainView } from "@/server/domain/delivery/domains/sending-domain-view";
import { AddDomainForm } from "./add-domain-form";
import { DomainIcon } from "./domain-icon";
import { DomainRecords } from "./domain-records";
import { DomainStatusBadge } from "./domain-status";

/**
 * The domains mail is sent from. Each has its own DKIM key; once its DNS record is found, Herald signs
 * mail from addresses at the domain (and its subdomains). Everyone sees them; admins add, check and delete.
 */
export function DomainsSettings({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const domains = useQuery(trpc.sendingDomains.list.queryOptions());
  const remove = useMutation(trpc.sendingDomains.delete.mutationOptions());
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SendingDomainView | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sendingDomains.pathKey() });
  // Until someone picks one, show the records of the first domain that still needs them.
  const selected =
    domains.data?.find((domain) => domain.id === chosenId) ?? (chosenId === null ? domains.data?.find((domain) => domain.status !== "verified") : undefined);

  return (
    <div className="space-y-8">
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Sending domains</CardTitle>
          <CardDescription>
            Verify the domains your From addresses use, so receivers can trust mail signed for them (DKIM).
            {!canManage && " Only admins can add or check them."}
          </CardDescription>
        </CardHeader>
        {canManage && (
          <CardContent className="border-b border-slate-100">
            <AddDomainForm
              onAdded={(domainId) => {
                setChosenId(domainId);
                void refresh();
              }}
            />
          </CardContent>
        )}
        <ListTable
          embedded
          query={domains}
          label="Sending domains"
          columns={["Domain", "Status", "Last checked", { label: "Actions", hidden: true }]}
          empty={
            <EmptyState
              className="m-5 border-slate-200 sm:m-6"
              icon={<DomainIcon />}
              title="No sending domains yet"
              description={
                canManage
                  ? "Add the domain of your From addresses above. Herald makes a DKIM key for it and shows the DNS records to publish."
                  : "An admin adds the domain of your From addresses and publishes its DNS records."
              }
            />
          }
        >
          {(rows) =>
            rows.map((domain) => (
              <TableRow key={domain.id} className={domain.id === selected?.id ? "bg-brand-50/40" : undefined}>
                <TableCell className="font-medium text-slate-900">{domain.domain}</TableCell>
                <TableCell>
                  <DomainStatusBadge status={domain.status} />
                </TableCell>
                <TableCell className="whitespace-nowrap text-slate-500">
                  {domain.lastCheckedAt ? (
                    <time dateTime={domain.lastCheckedAt.toISOString()} title={formatDateTime(domain.lastCheckedAt)}>
                      {formatRelative(domain.lastCheckedAt)}
                    </time>
                  ) : (
                    "Never"
                  )}
                </TableCell>
                <TableCell className="text-right whitespace-nowrap">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`DNS records for ${domain.domain}`}
                    aria-pressed={domain.id === selected?.id}
                    onClick={() => setChosenId(domain.id === selected?.id ? "" : domain.id)}
                  >
                    DNS records
                  </Button>
                  {canManage && (
                    <Button variant="danger-ghost" size="sm" aria-label={`Delete ${domain.domain}`} onClick={() => setDeleting(domain)}>
                      Delete
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))
          }
        </ListTable>
      </Card>

      {selected && <DomainRecords key={selected.id} domainId={selected.id} canManage={canManage} onChecked={() => void refresh()} />}

      {canManage && (
        <ConfirmDialog
          open={deleting !== null}
          onClose={() => {
            setDeleting(null);
            remove.reset();
          }}
          title={`Delete ${deleting?.domain}?`}
          description="Its DKIM key is deleted too: mail from it goes out unsigned. Adding it again makes a new key, with a new DNS record to publish."
          confirmLabel="Delete domain"
          pending={remove.isPending}
          error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
          onConfirm={() =>
            deleting &&
            remove.mutate(
              { domainId: deleting.id },
              {
                onSuccess: async () => {
                  setDeleting(null);
                  await refresh();
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
