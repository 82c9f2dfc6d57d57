// Money is an integer of minor units plus an ISO 4217 currency code; never a float.

/** Digits after the decimal point for a currency (JPY 0, USD 2, KWD 3). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "$12.50" / "12,50 €" / "١٢٫٥٠ US$" for 1250 USD in the given locale. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
}

/** Parses a decimal amount typed by a person ("12.5", "12,50") into minor units, or null. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const normalised = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const [whole, fraction = ""] = normalised.split(".");
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}
