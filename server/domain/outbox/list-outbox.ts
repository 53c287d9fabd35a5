import { and, arrayContains, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { caughtMessages } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

export type OutboxScope = { workspaceId: string; viewerEmail: string | null };

/**
 * What a workspace may see of the mail catcher: its own mail, plus the app's own mail (no workspace)
 * addressed to the person looking. Never another workspace's mail.
 */
const visibleTo = ({ workspaceId, viewerEmail }: OutboxScope) =>
  viewerEmail
    ? or(
        eq(caughtMessages.workspaceId, workspaceId),
        and(isNull(caughtMessages.workspaceId), arrayContains(caughtMessages.recipients, [viewerEmail.toLowerCase()])),
      )
    : eq(caughtMessages.workspaceId, workspaceId);

export const listOutboxMessages = async (scope: OutboxScope & { limit?: number; before?: Date }) => {
  const limit = Math.min(scope.limit ?? 50, 200);
  return db
    .select({
      id: caughtMessages.id,
      mailFrom: caughtMessages.mailFrom,
      recipients: caughtMessages.recipients,
      subject: caughtMessages.subject,
      sizeBytes: caughtMessages.sizeBytes,
      receivedAt: caughtMessages.receivedAt,
      system: sql<boolean>`${caughtMessages.workspaceId} is null`,
    })
    .from(caughtMessages)
    .where(and(visibleTo(scope), scope.before ? lt(caughtMessages.receivedAt, scope.before) : undefined))
    .orderBy(desc(caughtMessages.receivedAt))
    .limit(limit);
};

export const getOutboxMessage = async (scope: OutboxScope & { messageId: string }) => {
  const [row] = await db
    .select({
      id: caughtMessages.id,
      mailFrom: caughtMessages.mailFrom,
      recipients: caughtMessages.recipients,
      subject: caughtMessages.subject,
      text: caughtMessages.text,
      html: caughtMessages.html,
      raw: caughtMessages.raw,
      receivedAt: caughtMessages.receivedAt,
    })
    .from(caughtMessages)
    .where(and(eq(caughtMessages.id, scope.messageId), visibleTo(scope)));
  if (!row) throw new AppError("NOT_FOUND", "Message not found");
  return row;
};
