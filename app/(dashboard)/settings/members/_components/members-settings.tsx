"use client";

import type { Role } from "@/server/domain/workspaces/roles";
import { InvitationsCard } from "./invitations-card";
import { InviteMemberCard } from "./invite-member-card";
import { MembersCard } from "./members-card";

export type RoleRules = {
  currentUserId: string;
  actorRole: Role;
  canManage: boolean;
  /** Roles this person may give (and take away): admins up to admin, owners any. */
  assignableRoles: Role[];
  roleDescriptions: Record<Role, string>;
};

export function MembersSettings(rules: RoleRules) {
  return (
    <div className="space-y-8">
      {rules.canManage && <InviteMemberCard {...rules} />}
      <MembersCard {...rules} />
      {rules.canManage && <InvitationsCard />}
    </div>
  );
}
