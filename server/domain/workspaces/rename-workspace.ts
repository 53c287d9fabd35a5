import { eq } from "drizzle-orm";
import { workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError, invalidField } from "@/server/errors";
import { ZWorkspaceName } from "./validation";

export const renameWorkspace = async ({ workspaceId, name }: { workspaceId: string; name: string }) => {
  const parsed = ZWorkspaceName.safeParse(name);
  if (!parsed.success) throw invalidField("name", parsed.error.issues[0]!.message);
  const [row] = await db
    .update(workspaces)
    .set({ name: parsed.data })
    .where(eq(workspaces.id, workspaceId))
    .returning({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug });
  if (!row) throw new AppError("NOT_FOUND", "Workspace not found");
  return row;
};
