"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import type { CampaignDetail, CampaignReportData } from "./campaign-labels";

const letter = (variant: number) => String.fromCharCode(64 + variant);
const percent = (rate: number) => `${(rate * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;

/**
 * Where a launched campaign's A/B test stands: waiting for its winner (when it decides, and, for
 * editors, "Send winner now"), or which variant won. Nothing for campaigns without a test.
 */
export function AbTestStatus({ campaign, abTest, canEdit }: { campaign: CampaignDetail; abTest: CampaignReportData["abTest"] | undefined; canEdit: boolean }) {
  const [choosing, setChoosing] = useState(false);
  if (!campaign.abTest) return null;
  if (campaign.abWinner !== null) {
    const label = abTest?.variants.find((v) => v.variant === campaign.abWinner)?.label;
    return (
      <Alert tone="success" title={`A/B test: variant ${letter(campaign.abWinner)} won`}>
        {label ? `“${label}” went to the rest of the audience` : "It went to the rest of the audience"}
        {campaign.abDecidedAt ? ` (picked ${formatDateTime(campaign.abDecidedAt)}).` : "."}
      </Alert>
    );
  }
  if (campaign.status !== "sending" && campaign.status !== "paused") return null;
  const waiting = campaign.abDecideAt ? `Testing: waiting for winner (decides at ${formatDateTime(new Date(campaign.abDecideAt))})` : "Testing: sending the variants";
  return (
    <Alert tone="info" title={waiting}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span>
          {campaign.status === "paused"
            ? "Paused: the winner is not picked, and the rest of the audience waits, until you resume."
            : `The rest of the audience gets the variant with the best ${campaign.abTest.winnerBy === "opens" ? "open" : "click"} rate.`}
        </span>
        {canEdit && campaign.abDecideAt && (
          <Button size="sm" variant="secondary" onClick={() => setChoosing(true)}>
            Send winner now…
          </Button>
        )}
      </div>
      <SendWinnerDialog open={choosing} onClose={() => setChoosing(false)} campaign={campaign} abTest={abTest} />
    </Alert>
  );
}

function SendWinnerDialog({ open, onClose, campaign, abTest }: { open: boolean; onClose: () => void; campaign: CampaignDetail; abTest: CampaignReportData["abTest"] | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selectId = useId();
  const [choice, setChoice] = useState("best");
  const send = useMutation(trpc.campaigns.sendWinner.mutationOptions());
  const by = campaign.abTest?.winnerBy === "clicks" ? "click" : "open";
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Send the winner now?"
      description="The rest of the audience gets the variant you pick, without waiting for the test to end. This cannot be undone."
    >
      <div className="space-y-1.5">
        <Label htmlFor={selectId}>Variant to send</Label>
        <Select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="best">The best {by} rate so far</option>
          {(abTest?.variants ?? []).map((v) => (
            <option key={v.variant} value={String(v.variant)}>
              {letter(v.variant)}: {v.label} ({percent(by === "open" ? v.openRate : v.clickRate)} of {v.sent.toLocaleString()})
            </option>
          ))}
        </Select>
      </div>
      {send.error && (
        <Alert tone="error" className="mt-4">
          {errorMessage(send.error)}
        </Alert>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={close} disabled={send.isPending}>
          Cancel
        </Button>
        <Button
          pending={send.isPending}
          onClick={() =>
            send.mutate(
              { campaignId: campaign.id, variant: choice === "best" ? undefined : Number(choice) },
              {
                onSuccess: () => {
                  close();
                  void queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
                },
              },
            )
          }
        >
          Send winner
        </Button>
      </DialogActions>
    </Dialog>
  );
}
