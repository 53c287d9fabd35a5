"use client";

import { useState } from "react";
import { CreditBalanceCard } from "./credit-balance-card";
import { CreditLedgerCard } from "./credit-ledger-card";
import { CreditSpendCard } from "./credit-spend-card";
import type { KindOption } from "./credit-format";
import { TopUpDialog } from "./top-up-dialog";

/**
 * The workspace's credits: what is left, what sending spent day by day, and every movement. Everyone
 * sees them; only admins and owners add credits.
 */
export function CreditsSettings({ canTopUp, kinds }: { canTopUp: boolean; kinds: KindOption[] }) {
  const [toppingUp, setToppingUp] = useState(false);
  return (
    <div className="space-y-6">
      <CreditBalanceCard canTopUp={canTopUp} onTopUp={() => setToppingUp(true)} />
      <CreditSpendCard />
      <CreditLedgerCard kinds={kinds} />
      {canTopUp && (
        // A fresh form each time it opens, so the last amount and its errors are gone.
        <TopUpDialog key={toppingUp ? "open" : "closed"} open={toppingUp} onClose={() => setToppingUp(false)} />
      )}
    </div>
  );
}
