import type { Metadata } from "next";
import { dncCountryOptions } from "@/server/domain/dnc/dnc-countries";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { DncRegisters } from "./_components/dnc-registers";

export const metadata: Metadata = { title: "Do-Not-Call registers" };

export default async function DncPage() {
  const { current } = await loadDashboardState();
  return <DncRegisters canEdit={hasRole(current.role, "editor")} countries={dncCountryOptions()} />;
}
