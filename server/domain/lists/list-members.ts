import { and, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts, listMemberships } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { decodeCursor, encodeCursor } from "@/server/domain/contacts/contact-search";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { findList } from "./find-list";
import { ZListId, ZListMemberStatus } from "./list-rules";

export const ZListMembers = z.object({
  listId: ZListId,
  status: ZListMemberStatus.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

/** A list's members, most recently subscribed first, a page at a time by (subscribed_at, contact_id). */
export const listMembers = async ({ workspaceId, ...input }: z.input<typeof ZListMembers> & { workspaceId: string }) => {
  const { listId, status, cursor, limit = 50 } = parseInput(ZListMembers, input);
  await findList({ workspaceId, listId });
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db
    .select({
      contactId: listMemberships.contactId,
      status: listMemberships.status,
      subscribedAt: listMemberships.subscribedAt,
      statusChangedAt: listMemberships.statusChangedAt,
      email: contacts.email,
      phone: contacts.phone,
      phoneCountry: contacts.phoneCountry,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      cursorAt: sql<string>`${listMemberships.subscribedAt}::text`,
    })
    .from(listMemberships)
    .innerJoin(contacts, and(eq(contacts.id, listMemberships.contactId), eq(contacts.workspaceId, workspaceId)))
    .where(
      and(
        eq(listMemberships.listId, listId),
        eq(listMemberships.workspaceId, workspaceId),
        status ? eq(listMemberships.status, status) : undefined,
        after
          ? or(
              sql`${listMemberships.subscribedAt} < ${after.at}::timestamptz`,
              and(sql`${listMemberships.subscribedAt} = ${after.at}::timestamptz`, sql`${listMemberships.contactId} < ${after.id}::uuid`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(listMemberships.subscribedAt), desc(listMemberships.contactId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    members: page.map(({ cursorAt: _cursorAt, ...member }) => member),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.contactId }) : null,
  };
};
