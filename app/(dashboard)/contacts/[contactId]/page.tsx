import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { ContactsTabs } from "../_components/contacts-tabs";
import { countryOptions, timeZoneOptions } from "../_lib/form-options";
import { ContactDetail } from "./_components/contact-detail";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      <ContactDetail
        contactId={contactId}
        canEdit={hasRole(current.role, "editor")}
        countries={countryOptions()}
        timeZones={timeZoneOptions()}
      />
    </>
  );
}
