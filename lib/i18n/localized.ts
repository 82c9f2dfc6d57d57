// Text stored per locale ({"en": "Phones", "ar": "هواتف"}), as categories and attributes keep
// their names. English is always present and is the fallback.

export type LocalizedText = Partial<Record<string, string>> & { en: string };

/** The text in `locale`, else English, else the first one there is. */
export function localized(names: unknown, locale: string): string {
  if (!names || typeof names !== "object") return "";
  const map = names as Record<string, unknown>;
  const pick = map[locale] ?? map.en ?? Object.values(map)[0];
  return typeof pick === "string" ? pick : "";
}
