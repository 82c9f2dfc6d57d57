// Keeps the search index in step with the catalog. Each handler re-reads the database for the
// products an event touches and upserts or removes their documents (syncProducts), so a repeated
// or late delivery leaves the same index.
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events/publish";
import { defineSubscription } from "@/server/events/registry";
import { searchEngine } from "./providers";
import { syncProducts } from "./search.documents";

const sync = (tx: DbTx, productIds: string[]) => syncProducts(tx, searchEngine(), productIds);

/** A product was created, edited, published, moderated or deleted. */
export const indexChangedProduct = defineSubscription({
  name: "search-product-changed",
  events: ["product.changed"],
  async handle(tx, event) {
    await sync(tx, [event.payload.productId]);
  },
});

/** Products per search.reindexRequested event: one handler run stays well inside its transaction timeout. */
const REINDEX_BATCH = 200;

/** Queues re-reads of many products in batches (follow-up events), so no handler run grows with a shop's size. */
async function requestReindex(tx: DbTx, productIds: string[], aggregate: { type: string; id: string }) {
  for (let i = 0; i < productIds.length; i += REINDEX_BATCH) {
    await publish(tx, { type: "search.reindexRequested", aggregateType: aggregate.type, aggregateId: aggregate.id, payload: { productIds: productIds.slice(i, i + REINDEX_BATCH) } });
  }
}

/**
 * A shop was suspended, closed or reinstated: all its products leave or return. Leaving is one
 * delete; returning is split into batches of follow-up events, since a shop may hold many thousands.
 */
export const indexVendorProducts = defineSubscription({
  name: "search-vendor-status",
  events: ["vendor.statusChanged"],
  async handle(tx, event) {
    const products = (await tx.product.findMany({ where: { vendorId: event.payload.vendorId }, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
    const vendor = await tx.vendor.findUnique({ where: { id: event.payload.vendorId }, select: { status: true } });
    if (vendor?.status !== "ACTIVE") {
      await searchEngine().remove(products);
      return;
    }
    await requestReindex(tx, products, { type: "vendor", id: event.payload.vendorId });
  },
});

/** A shop, brand or category was renamed (or a category moved): its products' documents carry the old names. */
export const indexRelabelledProducts = defineSubscription({
  name: "search-labels-changed",
  events: ["catalog.labelsChanged"],
  async handle(tx, event) {
    const { scope, id } = event.payload;
    const where = scope === "vendor" ? { vendorId: id } : scope === "brand" ? { brandId: id } : { categoryPath: { has: id } };
    const products = (await tx.product.findMany({ where, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
    await requestReindex(tx, products, { type: scope, id });
  },
});

/** A batch of products to re-read (see indexVendorProducts). */
export const indexRequestedProducts = defineSubscription({
  name: "search-reindex-requested",
  events: ["search.reindexRequested"],
  async handle(tx, event) {
    await sync(tx, event.payload.productIds);
  },
});

/** Stock moved: the product may have gone in or out of stock. */
export const indexStockChange = defineSubscription({
  name: "search-stock-changed",
  events: ["inventory.stockChanged"],
  async handle(tx, event) {
    const variant = await tx.productVariant.findUnique({ where: { id: event.payload.variantId }, select: { productId: true } });
    if (variant) await sync(tx, [variant.productId]);
  },
});

/** A paid order changes its products' recent sales (the best-selling sort and the ranking boost). */
export const indexSoldProducts = defineSubscription({
  name: "search-order-paid",
  events: ["order.paid"],
  async handle(tx, event) {
    const lines = await tx.orderLine.findMany({ where: { subOrder: { orderId: event.payload.orderId } }, select: { productId: true } });
    await sync(tx, lines.flatMap((l) => (l.productId ? [l.productId] : [])));
  },
});
