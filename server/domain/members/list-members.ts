import { asc, eq } from "drizzle-orm";
import { users, workspaceMembers } from "@/drizzle/schema";
import { db } from "@/server/db/client";

export const listMembers = ({ workspaceId }: { workspaceId: string }) =>
  db
    .select({
      id: workspaceMembers.id,
      userId: workspaceMembers.userId,
      role: workspaceMembers.role,
      joinedAt: workspaceMembers.createdAt,
      name: users.name,
      email: users.email,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(users.email));
