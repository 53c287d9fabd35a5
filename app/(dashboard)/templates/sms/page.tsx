import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { SmsTemplatesTable } from "./_components/sms-templates-table";

export const metadata: Metadata = { title: "SMS templates" };

export default async function SmsTemplatesPage() {
  const { current } = await loadDashboardState();
  return <SmsTemplatesTable canEdit={hasRole(current.role, "editor")} />;
}
