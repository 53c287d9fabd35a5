import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

export const revokeApiKey = async ({ workspaceId, apiKeyId }: { workspaceId: string; apiKeyId: string }) => {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, revokedAt: apiKeys.revokedAt });
  if (!row) throw new AppError("NOT_FOUND", "No active API key with that id in this workspace");
  return row;
};
