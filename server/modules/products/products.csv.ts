// The product CSV format shared by import and export: one row per variant; rows with the same
// `handle` are one product (export writes the product's slug there, and importing a handle that
// is one of the shop's slugs updates that product).

export const BASE_COLUMNS = [
  "handle", "title", "description", "category", "brand", "status", "currency",
  "option1_name", "option1_value", "option2_name", "option2_value", "option3_name", "option3_value",
  "sku", "price", "compare_at_price", "weight_grams", "length_mm", "width_mm", "height_mm", "barcode", "active",
] as const;
export const REQUIRED_COLUMNS = ["handle", "title", "category", "sku", "price"] as const;
/** `attr:material` holds the attribute with code "material". */
export const ATTRIBUTE_PREFIX = "attr:";
/** `title:es` / `description:es` hold the Spanish translation. */
export const TRANSLATED_COLUMNS = ["title", "description"] as const;

/**
 * A cell as a spreadsheet will read it without running it: text starting with = + - @ or a
 * tab/carriage return would be taken as a formula, so it gets a leading apostrophe.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting) from cells, each neutralised against formula injection. */
export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map((cell) => {
    const text = cell === null || cell === undefined ? "" : typeof cell === "string" ? neutraliseCell(cell) : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(",") + "\r\n";
}

/** Minor units as a plain decimal for a CSV ("1250" USD → "12.50"). */
export function minorToDecimal(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
