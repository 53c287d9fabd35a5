import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../../_lib/current-workspace";
import { ContactsTabs } from "../../_components/contacts-tabs";
import { countryOptions } from "../../_lib/form-options";
import { ImportDetailView } from "../_components/import-detail";

export const metadata: Metadata = { title: "Import" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ImportPage({ params }: { params: Promise<{ importId: string }> }) {
  const { importId } = await params;
  if (!UUID.test(importId)) notFound();
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      <ImportDetailView importId={importId} canEdit={hasRole(current.role, "editor")} countries={countryOptions()} />
    </>
  );
}
