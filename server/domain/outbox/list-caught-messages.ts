import { desc, eq } from "drizzle-orm";
import { caughtMessages } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/**
 * Every caught message, whatever the workspace: only for the mail catcher's own viewer, which listens
 * on loopback of a single-box install. The app's Outbox uses listOutboxMessages, which is scoped.
 */
export const listAllCaughtMessages = (limit = 100) =>
  db
    .select({
      id: caughtMessages.id,
      recipients: caughtMessages.recipients,
      subject: caughtMessages.subject,
      receivedAt: caughtMessages.receivedAt,
      workspaceId: caughtMessages.workspaceId,
    })
    .from(caughtMessages)
    .orderBy(desc(caughtMessages.receivedAt))
    .limit(limit);

export const findCaughtMessage = async (id: string) => {
  const [row] = await db.select().from(caughtMessages).where(eq(caughtMessages.id, id));
  return row ?? null;
};
