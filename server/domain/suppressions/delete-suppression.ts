import { and, eq } from "drizzle-orm";
import { suppressions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** Lifts a suppression: the address, domain or number can be sent to again (consent permitting). */
export const deleteSuppression = async ({ workspaceId, suppressionId }: { workspaceId: string; suppressionId: string }) => {
  const [row] = await db
    .delete(suppressions)
    .where(and(eq(suppressions.id, suppressionId), eq(suppressions.workspaceId, workspaceId)))
    .returning({ id: suppressions.id, kind: suppressions.kind, value: suppressions.value });
  if (!row) throw new AppError("NOT_FOUND", "No suppression with that id in this workspace");
  return row;
};
