import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../../_lib/current-workspace";
import { SmsComposer } from "./_components/sms-composer";

export const metadata: Metadata = { title: "SMS template" };

export default async function SmsTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const { current } = await loadDashboardState();
  return <SmsComposer templateId={templateId} canEdit={hasRole(current.role, "editor")} />;
}
