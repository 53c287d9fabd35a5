import { authenticateApiKey } from "@/server/domain/api-keys/authenticate-api-key";
import { AppError } from "@/server/errors";

/**
 * SMTP AUTH for the relay: the password is a workspace API key with the `smtp` scope (the username is
 * free text, shown in logs). The relay maps the AppError codes to 535 replies.
 */
export const authenticateSmtpCredentials = async ({ password }: { username: string; password: string }) => {
  const key = await authenticateApiKey({ secret: password });
  if (!key) throw new AppError("UNAUTHORIZED", "Invalid credentials: use an API key as the password");
  if (!key.scopes.includes("smtp")) throw new AppError("FORBIDDEN", 'This API key lacks the "smtp" scope');
  return { workspaceId: key.workspaceId, keyId: key.keyId };
};
