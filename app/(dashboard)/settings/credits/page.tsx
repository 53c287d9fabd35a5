import type { Metadata } from "next";
import { CREDIT_ENTRY_KIND_LABELS, CREDIT_ENTRY_KINDS } from "@/server/domain/credits/credit-rules";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { CreditsSettings } from "./_components/credits-settings";

export const metadata: Metadata = { title: "Credits" };

export default async function CreditsPage() {
  const { current } = await loadDashboardState();
  return (
    <CreditsSettings
      canTopUp={hasRole(current.role, "admin")}
      kinds={CREDIT_ENTRY_KINDS.map((kind) => ({ kind, label: CREDIT_ENTRY_KIND_LABELS[kind] }))}
    />
  );
}
