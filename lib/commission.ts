// Commission rates as people type them (percent) and as the server keeps them (basis points).

/** "12.5" or "12,5" (percent, up to 2 decimals, at most 100) → 1250 basis points, or null. */
export function percentToBps(text: string): number | null {
  const normalised = text.trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalised)) return null;
  const bps = Math.round(Number(normalised) * 100);
  return bps <= 10_000 ? bps : null;
}

/** 1250 → "12.5", 1000 → "10", 5 → "0.05". */
export function bpsToPercent(bps: number): string {
  return (bps / 100).toFixed(2).replace(/\.?0+$/, "");
}
