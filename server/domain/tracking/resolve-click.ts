import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { readMessageToken } from "./message-token";
import { decodeAttribute, httpTarget, readSignedClickTarget } from "./tracking-urls";

export type ResolvedClick = { messageId: string; index: number; url: string };

/**
 * Where a click link goes, or null (the caller answers 404, never redirects). A personalised link
 * carries its target signed for this message and link; a campaign's own link is looked up in the
 * snapshot the campaign launched with, through the message's own workspace. Only http(s) targets.
 */
export const resolveClick = async ({
  token,
  index: rawIndex,
  u,
  s,
}: {
  token: string;
  index: string;
  u: string | null;
  s: string | null;
}): Promise<ResolvedClick | null> => {
  const messageId = readMessageToken(token);
  if (!messageId || !/^\d{1,5}$/.test(rawIndex)) return null;
  const index = Number(rawIndex);

  if (u !== null || s !== null) {
    const url = u !== null && s !== null ? readSignedClickTarget(token, index, u, s) : null;
    return url ? { messageId, index, url } : null;
  }

  // An A/B variant's message links into its variant's email (the rest of the audience: the winner's).
  const [row] = await db.execute<{ href: string | null }>(sql`
    select coalesce(
             c.snapshot->'abTest'->'variants'->(case when m.variant > 0 then m.variant - 1 when m.variant = 0 then c.ab_winner - 1 end)->'email',
             c.snapshot->'email'
           )->'links'->(${index}::int)->>'href' as href
    from messages m
    join campaigns c on c.id = m.campaign_id and c.workspace_id = m.workspace_id
    where m.id = ${messageId}`);
  const url = row?.href ? httpTarget(decodeAttribute(row.href)) : null;
  return url ? { messageId, index, url } : null;
};
