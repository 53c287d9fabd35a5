import { and, asc, eq } from "drizzle-orm";
import { workspaceMembers, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

/**
 * Who operates this Herald instance (pages that serve every workspace, such as sending nodes):
 * the people listed in HERALD_ADMIN_EMAILS, or, when it is unset, the owners of the oldest workspace,
 * which on a fresh install is whoever set it up (`npm start`'s demo user).
 */
export const isInstanceAdmin = async (
  { userId, email }: { userId: string; email: string },
  // Passed in only by tests, to check both rules in one process.
  { adminEmails }: { adminEmails: string[] | undefined } = { adminEmails: env().HERALD_ADMIN_EMAILS },
): Promise<boolean> => {
  if (adminEmails) return adminEmails.includes(email.trim().toLowerCase());
  const [oldest] = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id)).limit(1);
  if (!oldest) return false;
  const [owner] = await db
    .select({ id: workspaceMembers.id })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, oldest.id), eq(workspaceMembers.userId, userId), eq(workspaceMembers.role, "owner")))
    .limit(1);
  return Boolean(owner);
};
