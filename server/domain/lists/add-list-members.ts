import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { enterOnListJoin } from "@/server/domain/journeys/runtime/triggers/list-joined";
import { findList } from "./find-list";
import { ZContactIds, ZListId } from "./list-rules";

export const ZAddListMembers = z.object({ listId: ZListId, contactIds: ZContactIds });

/**
 * Subscribes contacts to a list in one set-based statement: new members are added, members who
 * had unsubscribed or bounced are subscribed again (a fresh subscribed_at, so growth counts them),
 * members already subscribed are left untouched. Ids that are not the workspace's contacts are
 * counted, never echoed.
 */
export const addListMembers = async ({ workspaceId, ...input }: z.input<typeof ZAddListMembers> & { workspaceId: string }) => {
  const { listId, contactIds } = parseInput(ZAddListMembers, input);
  const ids = [...new Set(contactIds.map((id) => id.toLowerCase()))];
  return db.transaction(async (tx) => {
    await findList({ workspaceId, listId }, tx);
    const [row] = await tx.execute<{ found: number; added: number; resubscribed: number }>(sql`
      with found as (
        select ${contacts.id} as id from ${contacts}
        where ${and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids))}
      ), upserted as (
        insert into list_memberships (list_id, contact_id, workspace_id, status, subscribed_at, status_changed_at)
        select ${listId}::uuid, found.id, ${workspaceId}::uuid, 'subscribed', now(), now() from found
        on conflict (list_id, contact_id) do update
          set status = 'subscribed', subscribed_at = excluded.subscribed_at, status_changed_at = excluded.status_changed_at
          where list_memberships.status <> 'subscribed'
        returning (xmax = 0) as inserted
      )
      select (select count(*) from found)::int as found,
             count(*) filter (where inserted)::int as added,
             count(*) filter (where not inserted)::int as resubscribed
      from upserted`);
    const found = row?.found ?? 0;
    const added = row?.added ?? 0;
    const resubscribed = row?.resubscribed ?? 0;
    // "Joined a list" journeys, in the same transaction: set-based over the memberships written just now.
    if (added + resubscribed > 0) await enterOnListJoin(tx, { workspaceId, listId });
    return { added, resubscribed, alreadySubscribed: found - added - resubscribed, notFound: ids.length - found };
  });
};
