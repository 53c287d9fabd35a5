/**
 * "Nice" axis ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, about
 * `count` of them, so an axis reads 0, 5, 10, 15 rather than 0, 4.33, 8.67.
 */
export const niceTicks = (max: number, count = 4): number[] => {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  // Whole-number data never gets fractional ticks.
  const wholeStep = Math.max(step, 1);
  const ticks: number[] = [];
  for (let value = 0; value < max + wholeStep; value += wholeStep) {
    ticks.push(Math.round(value * 1e6) / 1e6);
    if (value >= max) break;
  }
  return ticks;
};

/** Which of `length` x positions get a label, at most `max` of them, always including the last. */
export const labelIndexes = (length: number, max = 6): number[] => {
  if (length <= 0) return [];
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const every = Math.ceil((length - 1) / (max - 1));
  const indexes: number[] = [];
  for (let i = length - 1; i >= 0; i -= every) indexes.unshift(i);
  return indexes;
};
