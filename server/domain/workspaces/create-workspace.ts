import { randomBytes } from "node:crypto";
import { workspaceMembers, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { grantStartingCredits } from "@/server/domain/credits/grant-starting-credits";
import { invalidField } from "@/server/errors";
import { ZWorkspaceName } from "./validation";

export type CreateWorkspaceOptions = { userId: string; name: string };

const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "workspace";

/** Creates the workspace, makes its creator the owner and grants its starting credits, in one transaction. */
export const createWorkspace = async ({ userId, name }: CreateWorkspaceOptions) => {
  const parsed = ZWorkspaceName.safeParse(name);
  if (!parsed.success) throw invalidField("name", parsed.error.issues[0]!.message);

  return db.transaction(async (tx) => {
    // A short random suffix keeps slugs unique without a read-then-write race.
    const slug = `${slugify(parsed.data)}-${randomBytes(3).toString("hex")}`;
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: parsed.data, slug, createdBy: userId })
      .returning();
    await tx.insert(workspaceMembers).values({ workspaceId: workspace!.id, userId, role: "owner" });
    await grantStartingCredits(tx, { workspaceId: workspace!.id });
    return workspace!;
  });
};
