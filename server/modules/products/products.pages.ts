// The storefront paths that show a product (its page in every locale, under its slug and the
// former slugs that redirect to it), for dropping them from the page cache when it changes.
import { locales } from "@/lib/i18n/routing";
import type { DbTx } from "@/server/db";

/** `/<locale>/p/<slug>` for each locale and each current or former slug of these products. */
export async function productPagePaths(db: DbTx, productIds: string[]): Promise<string[]> {
  if (productIds.length === 0) return [];
  const [products, redirects] = await Promise.all([
    db.product.findMany({ where: { id: { in: productIds } }, select: { slug: true } }),
    db.productSlugRedirect.findMany({ where: { productId: { in: productIds } }, select: { slug: true } }),
  ]);
  const slugs = [...products, ...redirects].map((row) => encodeURIComponent(row.slug));
  return locales.flatMap((locale) => slugs.map((slug) => `/${locale}/p/${slug}`));
}
