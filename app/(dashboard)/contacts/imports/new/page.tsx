import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../../_lib/current-workspace";
import { ContactsTabs } from "../../_components/contacts-tabs";
import { countryOptions } from "../../_lib/form-options";
import { NewImport } from "../_components/new-import";

export const metadata: Metadata = { title: "Import contacts" };

export default async function NewImportPage() {
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      {hasRole(current.role, "editor") ? (
        <NewImport countries={countryOptions()} />
      ) : (
        <Alert tone="info">Importing contacts needs the editor role; ask an admin of this workspace.</Alert>
      )}
    </>
  );
}
