import type { Metadata } from "next";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/server/domain/api-keys/scopes";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { ApiKeysSettings } from "./_components/api-keys-settings";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { current } = await loadDashboardState();
  return (
    <ApiKeysSettings
      canManage={hasRole(current.role, "admin")}
      scopes={API_SCOPES.map((scope) => ({ scope, description: API_SCOPE_DESCRIPTIONS[scope] }))}
    />
  );
}
