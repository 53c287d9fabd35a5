import { sql } from "drizzle-orm";
import { db, type Executor } from "@/server/db/client";
import type { VariantCounts } from "./pick-winner";

/** Sent, unique opens and unique clicks per variant (0 is the rest of the audience), from the rollup the event writer keeps. */
export const readVariantCounts = async (workspaceId: string, campaignId: string, executor: Executor = db): Promise<VariantCounts[]> => [
  ...(await executor.execute<VariantCounts>(sql`
    select variant::int as variant,
           coalesce(sum(total) filter (where kind = 'sent'), 0)::int as sent,
           coalesce(sum(unique_count) filter (where kind = 'opened'), 0)::int as "uniqueOpens",
           coalesce(sum(unique_count) filter (where kind = 'clicked'), 0)::int as "uniqueClicks"
    from campaign_variant_stats
    where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid
    group by variant
    order by variant`)),
];
