// Readable URL slugs ("Café Örn" → "cafe-orn") and picking a free one.

/** Lower-case ASCII letters, digits and dashes from `text`, at most `max` characters; "" when nothing is left. */
export function slugify(text: string, max = 80): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, max).replace(/-+$/, "");
}

/** `base` if it is not taken, else `base-2`, `base-3`, … (taken: slugs starting with base). */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n += 1) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}
