// Event handlers of the products module: cached product pages follow the catalog.
// Best effort by design: pages also expire on their own timer (revalidate in the page), so an
// unreachable web server is logged by revalidatePages, not a reason to retry the event.
import type { DbTx } from "@/server/db";
import { defineSubscription } from "@/server/events/registry";
import { revalidatePages } from "@/server/lib/page-cache";
import { productPagePaths } from "./products.pages";

/** Products per revalidation request (five locales each, within the route's 200 paths). */
const PAGE_BATCH = 30;

async function dropProductPages(tx: DbTx, productIds: string[]) {
  for (let i = 0; i < productIds.length; i += PAGE_BATCH) {
    await revalidatePages(await productPagePaths(tx, productIds.slice(i, i + PAGE_BATCH)));
  }
}

/** A product changed (edited, priced, moderated, unpublished…): the next visitor sees it, a banned one answers 404. */
export const revalidateChangedProductPage = defineSubscription({
  name: "products-revalidate-page",
  events: ["product.changed"],
  async handle(tx, event) {
    await dropProductPages(tx, [event.payload.productId]);
  },
});

/** A shop was suspended, closed or reinstated: all its published products' pages change. */
export const revalidateShopProductPages = defineSubscription({
  name: "products-revalidate-shop-pages",
  events: ["vendor.statusChanged"],
  async handle(tx, event) {
    const products = await tx.product.findMany({ where: { vendorId: event.payload.vendorId, publishedAt: { not: null } }, select: { id: true } });
    await dropProductPages(tx, products.map((p) => p.id));
  },
});
