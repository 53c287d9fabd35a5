import type { Metadata } from "next";
import { canAssignRole, hasRole, ROLE_DESCRIPTIONS, ROLES } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { MembersSettings } from "./_components/members-settings";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { user, current } = await loadDashboardState();
  // The role rules live in the domain; the client gets their answers for this person, not the code.
  return (
    <MembersSettings
      currentUserId={user.id}
      actorRole={current.role}
      canManage={hasRole(current.role, "admin")}
      assignableRoles={ROLES.filter((role) => canAssignRole(current.role, role))}
      roleDescriptions={ROLE_DESCRIPTIONS}
    />
  );
}
