"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/trpc-errors";
import type { CampaignDetail } from "./campaign-labels";

/** Pause, resume and cancel, offered only where the status allows them. */
export function CampaignControls({ campaign, onError }: { campaign: CampaignDetail; onError: (message: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const done = {
    onSuccess: (row: Omit<CampaignDetail, "progress">) => {
      onError(null);
      queryClient.setQueryData(trpc.campaigns.get.queryKey({ campaignId: campaign.id }), (old) => (old ? { ...old, ...row } : old));
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
    },
    onError: (error: unknown) => onError(errorMessage(error)),
  };
  const pause = useMutation(trpc.campaigns.pause.mutationOptions(done));
  const resume = useMutation(trpc.campaigns.resume.mutationOptions(done));
  const cancel = useMutation(trpc.campaigns.cancel.mutationOptions());
  const { status } = campaign;
  const input = { campaignId: campaign.id };

  return (
    <>
      {status === "sending" && (
        <Button variant="secondary" pending={pause.isPending} onClick={() => pause.mutate(input)}>
          Pause
        </Button>
      )}
      {status === "paused" && (
        <Button pending={resume.isPending} onClick={() => resume.mutate(input)}>
          Resume
        </Button>
      )}
      {(status === "scheduled" || status === "sending" || status === "paused") && (
        <Button variant="danger-ghost" onClick={() => setCancelling(true)}>
          Cancel campaign
        </Button>
      )}
      <ConfirmDialog
        open={cancelling}
        onClose={() => {
          setCancelling(false);
          cancel.reset();
        }}
        title="Cancel this campaign?"
        description="Nobody else will get it, and it cannot be restarted. Credits charged for messages that have not gone out yet are refunded."
        confirmLabel="Cancel campaign"
        pending={cancel.isPending}
        error={cancel.error ? <Alert tone="error">{errorMessage(cancel.error)}</Alert> : null}
        onConfirm={() =>
          cancel.mutate(input, {
            onSuccess: (row) => {
              setCancelling(false);
              done.onSuccess(row);
            },
          })
        }
      />
    </>
  );
}
