import { z } from "zod";
import { apiKeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError, type FieldErrors } from "@/server/errors";
import { newApiKeySecret } from "./api-key-secret";
import { ZApiScope } from "./scopes";

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as the app that will use it").max(80, "Name must be at most 80 characters"),
  scopes: z.array(ZApiScope).min(1, "Choose at least one scope").max(20),
});

export type CreateApiKeyOptions = z.input<typeof ZCreateApiKey> & { workspaceId: string; createdBy: string };

/** Returns the secret once; only its hash is stored, so it can never be shown again. */
export const createApiKey = async ({ workspaceId, createdBy, ...input }: CreateApiKeyOptions) => {
  const parsed = ZCreateApiKey.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
    throw new AppError("BAD_REQUEST", parsed.error.issues[0]!.message, fieldErrors);
  }
  const { secret, prefix, keyHash } = newApiKeySecret();
  const [row] = await db
    .insert(apiKeys)
    .values({ workspaceId, createdBy, name: parsed.data.name, scopes: [...new Set(parsed.data.scopes)], prefix, keyHash })
    .returning({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
    });
  return { apiKey: row!, secret };
};
