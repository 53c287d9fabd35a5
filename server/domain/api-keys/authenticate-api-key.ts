import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import type { ApiScope } from "./scopes";

export type ApiKeyPrincipal = { keyId: string; workspaceId: string; name: string; scopes: ApiScope[] };

// last_used_at is a hint for people, not an audit log: writing it on every call would turn each
// API request into a row update, so it is refreshed at most once a minute per key.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The key's workspace and scopes, or null for an unknown or revoked key (callers say "invalid key"). */
export const authenticateApiKey = async ({ secret }: { secret: string }): Promise<ApiKeyPrincipal | null> => {
  if (!looksLikeApiKey(secret)) return null;
  const [key] = await db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(secret)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) return null;
  const now = new Date();
  const stale = !key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS;
  // The WHERE repeats the staleness test so concurrent requests write it once, not once each.
  if (stale) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, key.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
        ),
      );
  }
  return { keyId: key.id, workspaceId: key.workspaceId, name: key.name, scopes: key.scopes as ApiScope[] };
};
