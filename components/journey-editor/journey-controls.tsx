"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/trpc-errors";
import type { JourneyStatus } from "./journey-status";

/** Pause, resume and archive; publishing lives with the editor (it saves first). */
export function JourneyControls({ journeyId, status, onError }: { journeyId: string; status: JourneyStatus; onError: (message: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [archiving, setArchiving] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.journeys.get.queryKey({ journeyId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
  };
  const handlers = {
    onSuccess: () => {
      onError(null);
      refresh();
    },
    onError: (error: unknown) => onError(errorMessage(error)),
  };
  const pause = useMutation(trpc.journeys.pause.mutationOptions(handlers));
  const resume = useMutation(trpc.journeys.resume.mutationOptions(handlers));
  const archive = useMutation(trpc.journeys.archive.mutationOptions());

  if (status === "archived") return null;
  return (
    <>
      {status === "live" && (
        <Button variant="secondary" pending={pause.isPending} onClick={() => pause.mutate({ journeyId })}>
          Pause
        </Button>
      )}
      {status === "paused" && (
        <Button variant="secondary" pending={resume.isPending} onClick={() => resume.mutate({ journeyId })}>
          Resume
        </Button>
      )}
      <Button variant="danger-ghost" onClick={() => setArchiving(true)}>
        Archive
      </Button>
      <ConfirmDialog
        open={archiving}
        onClose={() => setArchiving(false)}
        title="Archive this journey?"
        description="Contacts inside it leave it and no one new enters; it can no longer be edited or published. Its history stays."
        confirmLabel="Archive journey"
        pending={archive.isPending}
        error={archive.error ? <Alert tone="error">{errorMessage(archive.error)}</Alert> : null}
        onConfirm={() =>
          archive.mutate(
            { journeyId },
            {
              onSuccess: () => {
                setArchiving(false);
                onError(null);
                refresh();
              },
            },
          )
        }
      />
    </>
  );
}
