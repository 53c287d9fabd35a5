import type { Metadata } from "next";
import { dncCountryOptions } from "@/server/domain/dnc/dnc-countries";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { ContactsTabs } from "../_components/contacts-tabs";
import { SuppressionList } from "./_components/suppression-list";

export const metadata: Metadata = { title: "Suppression" };

export default async function SuppressionPage() {
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      <SuppressionList canEdit={hasRole(current.role, "editor")} countries={dncCountryOptions()} />
    </>
  );
}
