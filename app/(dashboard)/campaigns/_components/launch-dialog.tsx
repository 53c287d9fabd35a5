"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";

const credits = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 4 });

/** The last look before sending: to whom, when, and what there is to pay with. */
export function LaunchDialog({
  open,
  onClose,
  onLaunch,
  pending,
  error,
  audience,
  timing,
}: {
  open: boolean;
  onClose: () => void;
  onLaunch: () => void;
  pending: boolean;
  error: unknown;
  audience: string;
  timing: string;
}) {
  const trpc = useTRPC();
  const balance = useQuery({ ...trpc.credits.balance.queryOptions(), enabled: open });
  const row = (term: string, value: ReactNode) => (
    <div className="flex justify-between gap-4 py-2">
      <dt className="text-slate-500">{term}</dt>
      <dd className="text-right font-medium text-slate-900">{value}</dd>
    </div>
  );
  return (
    <Dialog open={open} onClose={onClose} title="Launch this campaign?" description="Once launched, the audience and content are frozen: edits to the template or lists no longer change it.">
      <div className="space-y-4">
        {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
        <dl className="divide-y divide-slate-100 text-sm">
          {row("To", audience)}
          {row("When", timing)}
          {row(
            "Credit balance",
            balance.isLoading ? (
              <Skeleton className="h-4 w-24" />
            ) : balance.data ? (
              <span data-testid="launch-balance">{credits(balance.data.balance)} credits</span>
            ) : (
              errorMessage(balance.error)
            ),
          )}
          {balance.data && row("Each email costs", `${credits(balance.data.emailPrice)} credit${balance.data.emailPrice === 1 ? "" : "s"}`)}
        </dl>
        <p className="text-sm text-slate-500">Credits are charged batch by batch as messages go out; if they run out, the campaign pauses until you top up and resume.</p>
      </div>
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={onLaunch} pending={pending}>
          Launch
        </Button>
      </DialogActions>
    </Dialog>
  );
}
