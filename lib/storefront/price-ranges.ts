// Quick price ranges for a listing's price filter, from the bounds of the matching set.

/** 1, 2 or 5 times a power of ten, nearest to `x`. */
function nice(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * power).reduce((best, v) => (Math.abs(v - x) < Math.abs(best - x) ? v : best));
}

/**
 * Up to four price ranges (major units) over [lo, hi]: "under", "between"…, "and above", split at
 * multiples of a round step (about a quarter of the spread) kept half a step away from both ends.
 */
export function priceRanges(lo: number, hi: number): { min?: string; max?: string }[] {
  if (!(hi > lo) || hi <= 0) return [];
  const step = nice((hi - lo) / 4);
  const bounds: number[] = [];
  for (let b = Math.ceil((lo + step / 2) / step) * step; b <= hi - step / 2 && bounds.length < 3; b += step) bounds.push(Number(b.toFixed(2)));
  if (bounds.length === 0) return [];
  return [
    { max: String(bounds[0]) },
    ...bounds.slice(1).map((b, i) => ({ min: String(bounds[i]), max: String(b) })),
    { min: String(bounds[bounds.length - 1]) },
  ];
}
