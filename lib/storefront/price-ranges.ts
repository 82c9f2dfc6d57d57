// Quick price ranges for a listing's price filter, from the bounds of the matching set.

/** 1, 2 or 5 times a power of ten, nearest to `x`. */
function nice(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * power).reduce((best, v) => (Math.abs(v - x) < Math.abs(best - x) ? v : best));
}

/** Up to four price ranges (major units) with round bounds across [lo, hi]: "under", "between"…, "and above". */
export function priceRanges(lo: number, hi: number): { min?: string; max?: string }[] {
  if (!(hi > lo) || hi <= 0) return [];
  const bounds = [...new Set([0.25, 0.5, 0.75].map((f) => nice(lo + (hi - lo) * f)))].filter((b) => b > lo && b < hi).sort((a, b) => a - b);
  if (bounds.length === 0) return [];
  return [
    { max: String(bounds[0]) },
    ...bounds.slice(1).map((b, i) => ({ min: String(bounds[i]), max: String(b) })),
    { min: String(bounds[bounds.length - 1]) },
  ];
}
