import { desc, eq } from "drizzle-orm";
import { contactImports } from "@/drizzle/schema";
import { asImport, selectImports } from "./import-fields";

/** The workspace's imports, newest first. */
export const listImports = async ({ workspaceId, limit = 50 }: { workspaceId: string; limit?: number }) => {
  const rows = await selectImports()
    .where(eq(contactImports.workspaceId, workspaceId))
    .orderBy(desc(contactImports.createdAt), desc(contactImports.id))
    .limit(limit);
  return rows.map(asImport);
};
