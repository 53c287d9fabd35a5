import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { ContactsTabs } from "../_components/contacts-tabs";
import { ImportsTable } from "./_components/imports-table";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      <ImportsTable canEdit={hasRole(current.role, "editor")} />
    </>
  );
}
