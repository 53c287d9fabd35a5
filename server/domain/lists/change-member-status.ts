import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { listMemberships } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { findList } from "./find-list";
import { ZListId, ZListMemberStatus } from "./list-rules";

export const ZChangeMemberStatus = z.object({
  listId: ZListId,
  contactId: z.uuid({ message: "contactId must be a contact id" }),
  status: ZListMemberStatus,
});

/**
 * Moves one member between subscribed, unsubscribed and bounced. status_changed_at dates the
 * change (the growth chart's unsubscribe and bounce series); subscribing again also restarts
 * subscribed_at, so the chart counts the return.
 */
export const changeMemberStatus = async ({ workspaceId, ...input }: z.input<typeof ZChangeMemberStatus> & { workspaceId: string }) => {
  const { listId, contactId, status } = parseInput(ZChangeMemberStatus, input);
  return db.transaction(async (tx) => {
    await findList({ workspaceId, listId }, tx);
    const where = and(
      eq(listMemberships.listId, listId),
      eq(listMemberships.contactId, contactId),
      eq(listMemberships.workspaceId, workspaceId),
    );
    const [current] = await tx.select({ status: listMemberships.status }).from(listMemberships).where(where).for("update");
    if (!current) throw new AppError("NOT_FOUND", "That contact is not on this list");
    if (current.status === status) return { status, previous: current.status, changed: false };
    const now = new Date();
    await tx
      .update(listMemberships)
      .set({ status, statusChangedAt: now, ...(status === "subscribed" ? { subscribedAt: now } : {}) })
      .where(where);
    return { status, previous: current.status, changed: true };
  });
};
