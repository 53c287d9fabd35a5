import type { Metadata } from "next";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../../_lib/current-workspace";
import { EmailTemplateEditor } from "./_components/email-template-editor";

export const metadata: Metadata = { title: "Edit template" };

export default async function EmailTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const { current } = await loadDashboardState();
  return <EmailTemplateEditor templateId={templateId} canEdit={hasRole(current.role, "editor")} />;
}
