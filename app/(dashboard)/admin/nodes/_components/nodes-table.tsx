"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { NodesIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorCode, errorMessage } from "@/lib/trpc-errors";
import type { NodeStatus } from "@/server/domain/nodes/list-nodes";

const STATUS_TONE: Record<NodeStatus, BadgeTone> = { active: "green", draining: "amber", stopped: "neutral", down: "red" };

/** Heartbeats come every 5 seconds, so the usual "just now" would hide a node falling silent. */
const heartbeatAge = (seconds: number, at: Date) =>
  seconds < 60 ? `${seconds} s ago` : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago` : formatRelative(at);

type Pending = { action: "disable" | "enable"; id: string; name: string };

export function NodesTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // As often as nodes report in, so the page shows the fleet as it is now.
  const nodes = useQuery({ ...trpc.nodes.list.queryOptions(), refetchInterval: 5_000 });
  const disable = useMutation(trpc.nodes.disable.mutationOptions());
  const enable = useMutation(trpc.nodes.enable.mutationOptions());
  const [pending, setPending] = useState<Pending | null>(null);
  const mutation = pending?.action === "enable" ? enable : disable;

  const header = (
    <PageHeader
      title="Sending nodes"
      description="The worker processes that send for every workspace. Each reports in every 5 seconds; one silent for 30 seconds is down, and the others take over its jobs."
    />
  );

  // Whoever rendered the page may have lost the role since; the server's FORBIDDEN is the final word.
  if (errorCode(nodes.error) === "FORBIDDEN") {
    return (
      <>
        {header}
        <Alert tone="error">{errorMessage(nodes.error)}</Alert>
      </>
    );
  }

  return (
    <>
      {header}
      {nodes.isLoading ? (
        <Card>
          <TableSkeleton columns={8} rows={2} />
        </Card>
      ) : nodes.error ? (
        <Alert tone="error">{errorMessage(nodes.error)}</Alert>
      ) : !nodes.data?.length ? (
        <EmptyState
          icon={<NodesIcon />}
          title="No sending nodes are running"
          description="Start a worker (npm run worker, or npm start on one machine); it registers itself here within a few seconds."
        />
      ) : (
        <Card className="overflow-x-auto">
          <Table aria-label="Sending nodes">
            <TableHead>
              <tr>
                <TableHeaderCell>Host</TableHeaderCell>
                <TableHeaderCell>PID</TableHeaderCell>
                <TableHeaderCell>Version</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Started</TableHeaderCell>
                <TableHeaderCell>Last heartbeat</TableHeaderCell>
                <TableHeaderCell className="text-right">Messages/min</TableHeaderCell>
                <TableHeaderCell className="text-right">Total</TableHeaderCell>
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {nodes.data.map((node) => {
                const running = node.status === "active" || node.status === "draining";
                const name = `${node.host} (PID ${node.pid})`;
                // A disable request the node has not acted on yet (it checks at its next heartbeat).
                const disableRequested = node.disabledAt !== null && node.status !== "draining" && node.status !== "stopped";
                return (
                  <TableRow key={node.id}>
                    <TableCell className="font-medium text-slate-900">{node.host}</TableCell>
                    <TableCell className="font-mono text-xs text-slate-600">{node.pid}</TableCell>
                    <TableCell className="font-mono text-xs text-slate-600">{node.version}</TableCell>
                    <TableCell>
                      <Badge tone={STATUS_TONE[node.status]}>{node.status}</Badge>
                      {disableRequested && <span className="block pt-1 text-xs text-amber-700">disable requested</span>}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-slate-500">
                      <time dateTime={node.startedAt.toISOString()} title={formatDateTime(node.startedAt)}>
                        {formatRelative(node.startedAt)}
                      </time>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-slate-500">
                      <time dateTime={node.heartbeatAt.toISOString()} title={formatDateTime(node.heartbeatAt)}>
                        {heartbeatAge(node.secondsSinceHeartbeat, node.heartbeatAt)}
                      </time>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{running ? node.messagesLastMinute.toLocaleString() : "—"}</TableCell>
                    <TableCell className="text-right tabular-nums">{node.messagesTotal.toLocaleString()}</TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      {disableRequested ? (
                        <Button variant="ghost" size="sm" aria-label={`Enable ${name}`} onClick={() => setPending({ action: "enable", id: node.id, name })}>
                          Enable
                        </Button>
                      ) : node.status === "active" || node.status === "down" ? (
                        <Button
                          variant="danger-ghost"
                          size="sm"
                          aria-label={`Disable ${name}`}
                          onClick={() => setPending({ action: "disable", id: node.id, name })}
                        >
                          Disable
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      )}

      <ConfirmDialog
        open={pending !== null}
        onClose={() => {
          setPending(null);
          disable.reset();
          enable.reset();
        }}
        title={pending?.action === "enable" ? `Enable ${pending.name} again?` : `Disable ${pending?.name}?`}
        description={
          pending?.action === "enable"
            ? "The disable request is withdrawn and the node keeps running, unless it has already started draining."
            : "It stops taking jobs, finishes the ones in flight and exits. Queued work goes to the other nodes; to add capacity back, start a new worker process."
        }
        confirmLabel={pending?.action === "enable" ? "Enable node" : "Disable node"}
        pending={mutation.isPending}
        error={mutation.error ? <Alert tone="error">{errorMessage(mutation.error)}</Alert> : null}
        onConfirm={() =>
          pending &&
          mutation.mutate(
            { nodeId: pending.id },
            {
              onSuccess: async () => {
                setPending(null);
                await queryClient.invalidateQueries({ queryKey: trpc.nodes.list.queryKey() });
              },
            },
          )
        }
      />
    </>
  );
}
