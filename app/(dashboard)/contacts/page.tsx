import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { ContactsTabs } from "./_components/contacts-tabs";
import { ContactsTable } from "./_components/contacts-table";
import { countryOptions, timeZoneOptions } from "./_lib/form-options";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      <ContactsTable canEdit={hasRole(current.role, "editor")} countries={countryOptions()} timeZones={timeZoneOptions()} />
    </>
  );
}
