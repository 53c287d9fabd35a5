"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { EditorWorkspace } from "./editor-workspace";

export const backToJourneys = (
  <Link href="/journeys" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-800">
    <ArrowLeftIcon className="size-4" />
    Journeys
  </Link>
);

/** One journey: loads it, then hands it to the editor (again, from scratch, after "Reload" on a conflict). */
export function JourneyEditor({ journeyId, canEdit }: { journeyId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const journey = useQuery(trpc.journeys.get.queryOptions({ journeyId }));
  const [generation, setGeneration] = useState(0);

  if (journey.isLoading)
    return (
      <>
        {backToJourneys}
        <Skeleton className="mb-6 h-8 w-64" />
        <Skeleton className="h-[560px] w-full" />
      </>
    );
  if (journey.error || !journey.data)
    return (
      <>
        {backToJourneys}
        <Alert tone="error">{errorMessage(journey.error)}</Alert>
      </>
    );
  return (
    <ReactFlowProvider key={`${journey.data.id}:${generation}`}>
      <EditorWorkspace
        journey={journey.data}
        canEdit={canEdit}
        onReload={async () => {
          await journey.refetch();
          setGeneration((g) => g + 1);
        }}
      />
    </ReactFlowProvider>
  );
}
