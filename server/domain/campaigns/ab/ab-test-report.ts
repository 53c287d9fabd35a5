import { and, eq, sql } from "drizzle-orm";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { variantRate, type VariantCounts } from "./pick-winner";
import { readVariantCounts } from "./read-variant-counts";

export type VariantReportRow = VariantCounts & { label: string; openRate: number; clickRate: number };

export type AbTestReport = {
  field: "subject" | "content";
  winnerBy: "opens" | "clicks";
  samplePercent: number;
  winner: number | null;
  decidedAt: Date | null;
  /** When the winner is due (ISO), while it is not yet picked. */
  decideAt: string | null;
  /** Variants 1..n, each with its subject (or template name) and results. */
  variants: VariantReportRow[];
  /** The rest of the audience (variant 0), who got the winner. */
  rest: VariantReportRow;
};

const withRates = (counts: VariantCounts, label: string): VariantReportRow => ({
  ...counts,
  label,
  openRate: variantRate(counts, "opens"),
  clickRate: variantRate(counts, "clicks"),
});

/**
 * A launched campaign's A/B comparison (null without a test): each variant's subject or template as
 * launched, and its results from campaign_variant_stats. Scoped by workspace and campaign.
 */
export const readAbTestReport = async (workspaceId: string, campaignId: string): Promise<AbTestReport | null> => {
  const [campaign] = await db
    .select({
      abTest: campaigns.abTest,
      abWinner: campaigns.abWinner,
      abDecidedAt: campaigns.abDecidedAt,
      decideAt: sql<string | null>`${campaigns.snapshot}->'abTest'->>'decideAt'`,
    })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!campaign?.abTest) return null;
  // Only the labels: the snapshot's variants also hold each email's whole source.
  const labels = await db.execute<{ variant: number; label: string }>(sql`
    select v.ordinality::int as variant, v.value->>'label' as label
    from campaigns c cross join lateral jsonb_array_elements(c.snapshot->'abTest'->'variants') with ordinality v
    where c.id = ${campaignId}::uuid and c.workspace_id = ${workspaceId}::uuid
    order by v.ordinality`);
  if (labels.length === 0) return null;
  const counts = await readVariantCounts(workspaceId, campaignId);
  const countsOf = (variant: number): VariantCounts => counts.find((c) => c.variant === variant) ?? { variant, sent: 0, uniqueOpens: 0, uniqueClicks: 0 };
  const winnerLabel = labels.find((l) => l.variant === campaign.abWinner)?.label;
  return {
    field: campaign.abTest.field,
    winnerBy: campaign.abTest.winnerBy,
    samplePercent: campaign.abTest.samplePercent,
    winner: campaign.abWinner,
    decidedAt: campaign.abDecidedAt,
    decideAt: campaign.abWinner === null ? campaign.decideAt : null,
    variants: labels.map((l) => withRates(countsOf(l.variant), l.label)),
    rest: withRates(countsOf(0), winnerLabel ?? "The winner, once picked"),
  };
};
