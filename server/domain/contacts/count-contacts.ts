import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { contactSearchCondition } from "./contact-search";
import { parseInput } from "./field-errors";

export const COUNT_CAP = 10_000;

export const ZCountContacts = z.object({ search: z.string().max(200, "Search must be at most 200 characters").optional() });

/**
 * How many contacts match, exactly up to 10,000 and "10,000+" beyond: an exact count of a million
 * rows costs a scan on every page view, and nobody pages that far.
 */
export const countContacts = async ({ workspaceId, ...input }: z.input<typeof ZCountContacts> & { workspaceId: string }) => {
  const { search } = parseInput(ZCountContacts, input);
  const matching = db
    .select({ one: sql`1` })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), contactSearchCondition(search)))
    .limit(COUNT_CAP + 1)
    .as("matching");
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  const count = row?.count ?? 0;
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
};
