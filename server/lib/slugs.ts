// Readable URL slugs ("Café Örn & Co" → "cafe-orn-co") and picking a free one. Shops,
// categories, brands and products all use these.

/**
 * Lower-case ASCII letters, digits and dashes from `text`, at most `max` characters. Text with
 * fewer than two such characters (e.g. only Arabic or Chinese) gets `fallback` in front.
 */
export function slugify(text: string, fallback: string, max = 50): string {
  const slug = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, max).replace(/-+$/, "");
  return slug.length >= 2 ? slug : `${fallback}${slug ? `-${slug}` : ""}`;
}

/** `base` if it is not taken, else `base-2`, `base-3`, … */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n += 1) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}
