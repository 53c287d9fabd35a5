import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { sendingIdentities } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { withIdentityConflict, ZFromEmail, ZFromName, ZIdentityId, ZReplyTo } from "./identity-rules";

const columns = {
  id: sendingIdentities.id,
  fromName: sendingIdentities.fromName,
  fromEmail: sendingIdentities.fromEmail,
  replyTo: sendingIdentities.replyTo,
  createdAt: sendingIdentities.createdAt,
};

export const listSendingIdentities = ({ workspaceId }: { workspaceId: string }) =>
  db.select(columns).from(sendingIdentities).where(eq(sendingIdentities.workspaceId, workspaceId)).orderBy(asc(sendingIdentities.fromEmail));

export const ZCreateSendingIdentity = z.object({ fromName: ZFromName, fromEmail: ZFromEmail, replyTo: ZReplyTo });

/** A From address for templates. The delivery engine adds the domain's verification and DKIM key. */
export const createSendingIdentity = async ({ workspaceId, ...input }: z.input<typeof ZCreateSendingIdentity> & { workspaceId: string }) => {
  const { fromName, fromEmail, replyTo } = parseInput(ZCreateSendingIdentity, input);
  return withIdentityConflict(fromEmail, async () => {
    const [row] = await db.insert(sendingIdentities).values({ workspaceId, fromName, fromEmail, replyTo: replyTo ?? null }).returning(columns);
    return row!;
  });
};

export const ZUpdateSendingIdentity = z.object({ identityId: ZIdentityId, fromName: ZFromName.optional(), fromEmail: ZFromEmail.optional(), replyTo: ZReplyTo });

export const updateSendingIdentity = async ({ workspaceId, ...input }: z.input<typeof ZUpdateSendingIdentity> & { workspaceId: string }) => {
  const { identityId, fromName, fromEmail, replyTo } = parseInput(ZUpdateSendingIdentity, input);
  const changes = { ...(fromName ? { fromName } : {}), ...(fromEmail ? { fromEmail } : {}), ...(replyTo !== undefined ? { replyTo } : {}) };
  const mine = and(eq(sendingIdentities.id, identityId), eq(sendingIdentities.workspaceId, workspaceId));
  return withIdentityConflict(fromEmail ?? "", async () => {
    const [row] =
      Object.keys(changes).length === 0
        ? await db.select(columns).from(sendingIdentities).where(mine)
        : await db.update(sendingIdentities).set(changes).where(mine).returning(columns);
    if (!row) throw new AppError("NOT_FOUND", "Sender not found");
    return row;
  });
};

export const ZDeleteSendingIdentity = z.object({ identityId: ZIdentityId });

/** Templates that used it fall back to no sender (the FK sets null) and say so in their problems. */
export const deleteSendingIdentity = async ({ workspaceId, ...input }: z.input<typeof ZDeleteSendingIdentity> & { workspaceId: string }) => {
  const { identityId } = parseInput(ZDeleteSendingIdentity, input);
  const [row] = await db
    .delete(sendingIdentities)
    .where(and(eq(sendingIdentities.id, identityId), eq(sendingIdentities.workspaceId, workspaceId)))
    .returning({ id: sendingIdentities.id });
  if (!row) throw new AppError("NOT_FOUND", "Sender not found");
  return row;
};
