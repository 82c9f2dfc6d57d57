// Recently viewed and trending products. Views are recorded per viewer (an account or a guest
// visitor key), product and hour, so reloading a page does not inflate anything; readers only
// ever return products shoppers may see.
import { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { productCardsByIds, type ProductCard } from "@/server/modules/products/products.storefront";
import { RECENTLY_VIEWED_LIMIT, SALE_WEIGHT, TRENDING_DAYS, VIEW_RETENTION_DAYS } from "./discovery.schema";

/** Who looked: a signed-in account or a guest identified by the hash of its visitor cookie. */
export type Viewer = { userId: string } | { visitorHash: string };

const viewerKey = (viewer: Viewer) => ("userId" in viewer ? `u:${viewer.userId}` : `g:${viewer.visitorHash}`);

/** Same meaning as the products module's VISIBLE condition over `p` joined with its vendor `v`. */
const VISIBLE = Prisma.sql`p.status = 'ACTIVE' AND p.moderation IN ('PENDING', 'APPROVED') AND v.status = 'ACTIVE'`;

/** Order states whose units count as sold (paid, not cancelled or refunded). */
const SOLD = Prisma.sql`ARRAY['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'PARTIALLY_REFUNDED']::"OrderStatus"[]`;

const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);

/**
 * Records that `viewer` looked at `productId` (one row per viewer, product and hour; a repeat in
 * the same hour only moves viewedAt). Products shoppers cannot see are ignored: `false`.
 */
export async function recordView(db: DbTx, viewer: Viewer, productId: string, at = new Date()): Promise<boolean> {
  const rows = await db.$executeRaw`
    INSERT INTO "ProductView" (id, viewer, "productId", hour, "viewedAt")
    SELECT 'pv_' || gen_random_uuid(), ${viewerKey(viewer)}, p.id, ${hourOf(at)}, ${at}
    FROM "Product" p JOIN "Vendor" v ON v.id = p."vendorId"
    WHERE p.id = ${productId} AND ${VISIBLE}
    ON CONFLICT (viewer, "productId", hour) DO UPDATE SET "viewedAt" = GREATEST("ProductView"."viewedAt", EXCLUDED."viewedAt")`;
  return rows > 0;
}

/** Moves a guest's views to the account that signed in on the same browser (idempotent). */
export async function mergeGuestViews(db: DbTx, visitorHash: string, userId: string): Promise<number> {
  const from = viewerKey({ visitorHash });
  const moved = await db.$executeRaw`
    INSERT INTO "ProductView" (id, viewer, "productId", hour, "viewedAt")
    SELECT 'pv_' || gen_random_uuid(), ${viewerKey({ userId })}, "productId", hour, "viewedAt" FROM "ProductView" WHERE viewer = ${from}
    ON CONFLICT (viewer, "productId", hour) DO UPDATE SET "viewedAt" = GREATEST("ProductView"."viewedAt", EXCLUDED."viewedAt")`;
  await db.productView.deleteMany({ where: { viewer: from } });
  return moved;
}

/** The viewer's last distinct visible products, most recent first. */
export async function recentlyViewed(db: DbTx, viewer: Viewer, locale: string, limit = RECENTLY_VIEWED_LIMIT): Promise<ProductCard[]> {
  const rows = await db.$queryRaw<{ productId: string }[]>`
    SELECT pv."productId" FROM "ProductView" pv
    JOIN "Product" p ON p.id = pv."productId" JOIN "Vendor" v ON v.id = p."vendorId"
    WHERE pv.viewer = ${viewerKey(viewer)} AND ${VISIBLE}
    GROUP BY pv."productId" ORDER BY max(pv."viewedAt") DESC, pv."productId" LIMIT ${limit}`;
  return productCardsByIds(db, locale, rows.map((r) => r.productId));
}

/**
 * Trending products: over the last TRENDING_DAYS, each viewer-hour of a product counts 1 and each
 * unit sold (paid, not cancelled or refunded) counts SALE_WEIGHT. Visible products only, best first.
 */
export async function trending(db: DbTx, locale: string, limit = 10, now = new Date()): Promise<ProductCard[]> {
  const since = new Date(now.getTime() - TRENDING_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ productId: string }[]>`
    WITH signals AS (
      SELECT "productId", count(*)::bigint AS score FROM "ProductView" WHERE hour >= ${hourOf(since)} AND "viewedAt" <= ${now} GROUP BY "productId"
      UNION ALL
      SELECT l."productId", (sum(l.quantity) * ${SALE_WEIGHT})::bigint AS score
      FROM "OrderLine" l JOIN "SubOrder" s ON s.id = l."subOrderId"
      WHERE l."productId" IS NOT NULL AND s."createdAt" >= ${since} AND s."createdAt" <= ${now} AND s.status = ANY(${SOLD})
      GROUP BY l."productId"
    )
    SELECT sg."productId" FROM signals sg
    JOIN "Product" p ON p.id = sg."productId" JOIN "Vendor" v ON v.id = p."vendorId"
    WHERE ${VISIBLE}
    GROUP BY sg."productId" ORDER BY sum(sg.score) DESC, sg."productId" LIMIT ${limit}`;
  return productCardsByIds(db, locale, rows.map((r) => r.productId));
}

/**
 * Deletes views older than VIEW_RETENTION_DAYS, in batches (short statements, no long lock on a
 * table every product page writes to). Safe to repeat or overlap. Returns how many went.
 */
export async function pruneProductViews(db: DbTx, now = new Date(), batchSize = 5_000): Promise<number> {
  const cutoff = new Date(now.getTime() - VIEW_RETENTION_DAYS * 86_400_000);
  let deleted = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "ProductView" WHERE id IN (SELECT id FROM "ProductView" WHERE hour < ${cutoff} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    deleted += n;
    if (n < batchSize) return deleted;
  }
}
