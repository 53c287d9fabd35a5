"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { OutboxIcon, RefreshIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";

export function OutboxTable() {
  const trpc = useTRPC();
  // Mail arrives in the background (the worker sends it), so keep the list fresh while it is open.
  const messages = useQuery({ ...trpc.outbox.list.queryOptions({ limit: 100 }), refetchInterval: 10_000 });

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Herald sends from this workspace, caught by the local mail catcher instead of being delivered."
        actions={
          <Button variant="secondary" onClick={() => messages.refetch()} pending={messages.isFetching && !messages.isLoading}>
            {!(messages.isFetching && !messages.isLoading) && <RefreshIcon className="size-4" />}
            Refresh
          </Button>
        }
      />
      <ListTable
        query={messages}
        label="Caught messages"
        columns={["Received", "From", "To", "Subject"]}
        empty={
          <EmptyState
            icon={<OutboxIcon />}
            title="No messages caught yet"
            description="In local development the mail catcher catches everything Herald sends (campaigns, transactional mail, invitations and password resets) so nothing reaches a real inbox. It will show up here."
          />
        }
      >
        {(rows) =>
          rows.map((message) => (
            <TableRow key={message.id} className="relative">
              <TableCell className="whitespace-nowrap text-slate-500">
                <time dateTime={message.receivedAt.toISOString()} title={formatDateTime(message.receivedAt)}>
                  {formatRelative(message.receivedAt)}
                </time>
              </TableCell>
              <TableCell className="max-w-48 truncate">{message.mailFrom || "—"}</TableCell>
              <TableCell className="max-w-56 truncate" title={message.recipients.join(", ")}>
                {message.recipients[0] ?? "—"}
                {message.recipients.length > 1 && (
                  <span className="text-slate-400"> +{message.recipients.length - 1}</span>
                )}
              </TableCell>
              <TableCell className="w-full max-w-0">
                <div className="flex min-w-0 items-center gap-2">
                  <Link
                    href={`/outbox/${message.id}`}
                    className="truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                  >
                    {message.subject || "(no subject)"}
                  </Link>
                  {message.system && (
                    <Badge tone="brand" title="Mail from Herald itself, such as invitations and password resets">
                      system
                    </Badge>
                  )}
                </div>
              </TableCell>
            </TableRow>
          ))
        }
      </ListTable>
    </>
  );
}
