import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../_lib/current-workspace";
import { EmailTemplatesIndex } from "./_components/email-templates-index";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const { current } = await loadDashboardState();
  return <EmailTemplatesIndex canEdit={hasRole(current.role, "editor")} />;
}
