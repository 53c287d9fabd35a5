export type VariantCounts = { variant: number; sent: number; uniqueOpens: number; uniqueClicks: number };

/** Unique opens (or clicks) per message sent; 0 when nothing was sent. */
export const variantRate = (counts: VariantCounts, winnerBy: "opens" | "clicks") => {
  const engaged = winnerBy === "opens" ? counts.uniqueOpens : counts.uniqueClicks;
  return counts.sent > 0 ? engaged / counts.sent : 0;
};

/**
 * The variant (1..variants) with the highest rate; a tie goes to the lower variant, so does a test
 * where nothing was sent or nobody engaged (variant 1). Variants missing from `counts` count as zero.
 */
export const pickWinner = (counts: readonly VariantCounts[], variants: number, winnerBy: "opens" | "clicks"): number => {
  let best = 1;
  let bestRate = -1;
  for (let variant = 1; variant <= variants; variant++) {
    const row = counts.find((c) => c.variant === variant);
    const rate = row ? variantRate(row, winnerBy) : 0;
    if (rate > bestRate) {
      best = variant;
      bestRate = rate;
    }
  }
  return best;
};
