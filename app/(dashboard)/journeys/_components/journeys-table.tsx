"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { JourneyStatusBadge, type JourneyStatus } from "@/components/journey-editor/journey-status";
import { useTRPC } from "@/components/providers/trpc";
import { JourneysIcon, PlusIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";
import { NewJourneyDialog } from "./new-journey-dialog";

export function JourneysTable({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Active runs move while anything is live.
  const journeys = useQuery({
    ...trpc.journeys.list.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === "live") ? 10_000 : false),
  });
  const [creating, setCreating] = useState(false);

  const newButton = canEdit && (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      New journey
    </Button>
  );

  return (
    <>
      <PageHeader title="Journeys" description="Automated flows that react to what contacts do." actions={journeys.data?.length ? newButton : null} />
      <ListTable
        query={journeys}
        label="Journeys"
        columns={["Journey", "Status", "Live version", { label: "Active runs", right: true }, "Updated"]}
        empty={
          <EmptyState
            icon={<JourneysIcon />}
            title="No journeys yet"
            description="Journeys send the right message at the right moment, with triggers, delays and branches that follow each contact. Start blank or from a pre-built journey."
            action={newButton}
          />
        }
      >
        {(rows) =>
          rows.map((journey) => (
            <TableRow key={journey.id} className="relative">
              <TableCell className="w-full max-w-0">
                <Link
                  href={`/journeys/${journey.id}`}
                  className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                >
                  {journey.name}
                </Link>
              </TableCell>
              <TableCell>
                <JourneyStatusBadge status={journey.status as JourneyStatus} />
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{journey.liveVersion ? `v${journey.liveVersion}` : <span className="text-slate-400">—</span>}</TableCell>
              <TableCell className="text-right tabular-nums">{journey.activeRuns.toLocaleString()}</TableCell>
              <TableCell className="whitespace-nowrap text-slate-500">
                <time dateTime={new Date(journey.updatedAt).toISOString()} title={formatDateTime(new Date(journey.updatedAt))}>
                  {formatRelative(new Date(journey.updatedAt))}
                </time>
              </TableCell>
            </TableRow>
          ))
        }
      </ListTable>
      {canEdit && (
        <NewJourneyDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
            router.push(`/journeys/${id}`);
          }}
        />
      )}
    </>
  );
}
