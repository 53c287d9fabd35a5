import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { ContactsTabs } from "../_components/contacts-tabs";
import { AttributesEditor } from "./_components/attributes-editor";

export const metadata: Metadata = { title: "Attributes" };

export default async function AttributesPage() {
  const { current } = await loadDashboardState();
  return (
    <>
      <ContactsTabs />
      <AttributesEditor canEdit={hasRole(current.role, "editor")} />
    </>
  );
}
