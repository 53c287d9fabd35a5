import { sql } from "drizzle-orm";
import { listMemberships } from "@/drizzle/schema";

/** Per-status member counts, for a query grouped by list (served by the (list_id, status) index). */
export const memberCountColumns = {
  subscribed: sql<number>`count(*) filter (where ${listMemberships.status} = 'subscribed')::int`,
  unsubscribed: sql<number>`count(*) filter (where ${listMemberships.status} = 'unsubscribed')::int`,
  bounced: sql<number>`count(*) filter (where ${listMemberships.status} = 'bounced')::int`,
  total: sql<number>`count(*)::int`,
};

export type MemberCounts = { subscribed: number; unsubscribed: number; bounced: number; total: number };

export const NO_MEMBERS: MemberCounts = { subscribed: 0, unsubscribed: 0, bounced: 0, total: 0 };
