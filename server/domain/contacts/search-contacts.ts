import { and, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { contactSearchCondition, decodeCursor, encodeCursor } from "./contact-search";
import { parseInput } from "./field-errors";

export const ZSearchContacts = z.object({
  search: z.string().max(200, "Search must be at most 200 characters").optional(),
  /** nextCursor from the previous page. */
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export type SearchContactsOptions = z.input<typeof ZSearchContacts> & { workspaceId: string };

/** Newest first, a page at a time by (created_at, id), so page 1,000 costs what page 1 does. */
export const searchContacts = async ({ workspaceId, ...input }: SearchContactsOptions) => {
  const { search, cursor, limit = 50 } = parseInput(ZSearchContacts, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      phone: contacts.phone,
      phoneCountry: contacts.phoneCountry,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      emailStatus: contacts.emailStatus,
      smsStatus: contacts.smsStatus,
      createdAt: contacts.createdAt,
      cursorAt: sql<string>`${contacts.createdAt}::text`,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        contactSearchCondition(search),
        after
          ? or(
              sql`${contacts.createdAt} < ${after.at}::timestamptz`,
              and(sql`${contacts.createdAt} = ${after.at}::timestamptz`, sql`${contacts.id} < ${after.id}::uuid`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    contacts: page.map(({ cursorAt: _cursorAt, ...contact }) => contact),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
};
