import { sql, type SQL } from "drizzle-orm";
import type { AbTestSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { BATCH_SIZE } from "../campaign-rules";

/**
 * A `select … from timed t` that numbers the frozen audience into batches (batch_no) and A/B variants.
 * Without a test everyone is variant 0, in send-time order. With one, a hash of (campaign, contact)
 * shuffles everyone; the first `sampleSize` of the shuffle (see ab-test-rules) are dealt round-robin
 * to variants 1..n (even groups), the others are variant 0. Test recipients fill the first batches,
 * so a batch is either all test or all rest, and the rest's batches can wait for the winner.
 */
export const recipientOrderSql = (campaignId: string, test: AbTestSnapshot | undefined): SQL => {
  if (!test)
    return sql`select t.id, t.address, t.send_after, 0 as variant,
      ((row_number() over (order by t.send_after nulls first, t.id)) - 1) / ${BATCH_SIZE} as batch_no
      from timed t`;
  const n = test.variants.length;
  return sql`select d.id, d.address, d.send_after, d.variant,
      case when d.variant > 0 then 0 else (d.in_test + ${BATCH_SIZE - 1}) / ${BATCH_SIZE} end
        + ((row_number() over (partition by d.variant > 0 order by d.send_after nulls first, d.id)) - 1) / ${BATCH_SIZE} as batch_no
    from (
      select s.*, count(*) filter (where s.variant > 0) over () as in_test
      from (
        select r.*, case when r.draw <= greatest(${n}::bigint, (r.total * ${test.samplePercent} + 50) / 100) then (r.draw - 1) % ${n} + 1 else 0 end as variant
        from (
          select t.*, row_number() over (order by md5(${campaignId}::text || t.id::text)) as draw, count(*) over () as total
          from timed t
        ) r
      ) s
    ) d`;
};
