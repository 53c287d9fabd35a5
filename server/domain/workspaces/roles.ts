export const ROLES = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** viewer < editor < admin < owner: each role can do everything the one below it can. */
export const hasRole = (actual: Role, required: Role): boolean => RANK[actual] >= RANK[required];

/**
 * Admins manage members up to admin; only an owner can make (or unmake) another owner, which is how
 * a workspace is delegated without giving away the owner's own seat.
 */
export const canAssignRole = (actor: Role, target: Role): boolean =>
  actor === "owner" || (actor === "admin" && target !== "owner");

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including billing, deleting the workspace and appointing other owners",
  admin: "Manage members, API keys and settings, and everything an editor can do",
  editor: "Create and send audiences, templates, campaigns and journeys",
  viewer: "See everything, change nothing",
};
