"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { formatCredits } from "./credit-format";

export function CreditBalanceCard({ canTopUp, onTopUp }: { canTopUp: boolean; onTopUp: () => void }) {
  const trpc = useTRPC();
  const balance = useQuery(trpc.credits.balance.queryOptions());
  return (
    <Card>
      <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <h2 className="text-sm font-medium text-slate-500" id="credit-balance-label">
            Balance
          </h2>
          {balance.isLoading ? (
            <Skeleton className="h-9 w-40" />
          ) : balance.error ? (
            <Alert tone="error">{errorMessage(balance.error)}</Alert>
          ) : balance.data ? (
            <>
              <p aria-labelledby="credit-balance-label" data-testid="credit-balance" className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
                {formatCredits(balance.data.balance)} <span className="text-base font-normal text-slate-500">credits</span>
              </p>
              <p className="text-sm text-slate-500">
                An email costs {formatCredits(balance.data.emailPrice)} {balance.data.emailPrice === 1 ? "credit" : "credits"}; a text message
                costs its segments times its route&apos;s price per segment. Campaigns pause when credits run out.
                {!canTopUp && " Only admins and owners can add credits."}
              </p>
            </>
          ) : null}
        </div>
        {canTopUp && (
          <Button onClick={onTopUp} className="shrink-0">
            <PlusIcon className="size-4" />
            Top up
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
