"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { backToJourneys } from "./back-link";
import { EditorWorkspace } from "./editor-workspace";

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
