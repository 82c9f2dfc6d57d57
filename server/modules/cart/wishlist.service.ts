// The wishlist: products an account keeps an eye on (signed-in only), and moving one to the cart.
import type { DbTx } from "@/server/db";
import { badRequest, notFound } from "@/server/lib/errors";
import { visibleProductWhere } from "@/server/modules/products";
import { addToCart, type ImageRef } from "./cart.service";
import { stockFor } from "./cart.stock";
import type { MoveWishToCartInput } from "./cart.schema";

export interface WishlistEntry {
  productId: string;
  slug: string;
  title: string;
  currency: string;
  minPrice: number;
  maxPrice: number;
  image: ImageRef | null;
  vendor: { name: string; slug: string; acceptingOrders: boolean };
  /** Still shown in the storefront (not archived, banned or of a suspended shop). */
  available: boolean;
  /** Some active variant has stock. */
  inStock: boolean;
  /** The variant "move to cart" takes when the product has exactly one active variant. */
  singleVariantId: string | null;
  addedAt: Date;
}

/** Adds a visible product (adding it twice is fine). */
export async function addToWishlist(db: DbTx, userId: string, productId: string) {
  const product = await db.product.findFirst({ where: { id: productId, ...visibleProductWhere }, select: { id: true } });
  if (!product) throw notFound("wishlist.productUnavailable");
  await db.wishlistItem.createMany({ data: [{ userId, productId }], skipDuplicates: true });
}

/** Removes a product from the wishlist (absent is fine). */
export async function removeFromWishlist(db: DbTx, userId: string, productId: string) {
  await db.wishlistItem.deleteMany({ where: { userId, productId } });
}

/** Which of `productIds` are on the user's wishlist (for hearts on cards and pages). */
export async function wishlistContains(db: DbTx, userId: string, productIds: readonly string[]): Promise<string[]> {
  if (productIds.length === 0) return [];
  const rows = await db.wishlistItem.findMany({ where: { userId, productId: { in: [...productIds] } }, select: { productId: true } });
  return rows.map((r) => r.productId);
}

/** The wishlist, newest first, titles in `locale`. */
export async function listWishlist(db: DbTx, userId: string, locale = "en"): Promise<WishlistEntry[]> {
  const items = await db.wishlistItem.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { productId: "asc" }],
    take: 500,
    select: {
      createdAt: true,
      product: {
        select: {
          id: true, slug: true, title: true, currency: true, minPrice: true, maxPrice: true, status: true, moderation: true,
          translations: { where: { locale }, select: { title: true } },
          images: { orderBy: { position: "asc" }, take: 1, select: { media: { select: { storageKey: true, placeholder: true, width: true, height: true } } } },
          vendor: { select: { name: true, slug: true, status: true, acceptingOrders: true } },
          variants: { where: { active: true }, select: { id: true } },
        },
      },
    },
  });
  const stock = await stockFor(db, items.flatMap((i) => i.product.variants.map((v) => v.id)));
  return items.map(({ product: p, createdAt }) => {
    const media = p.images[0]?.media;
    const available = p.status === "ACTIVE" && (p.moderation === "PENDING" || p.moderation === "APPROVED") && p.vendor.status === "ACTIVE";
    return {
      productId: p.id, slug: p.slug, title: p.translations[0]?.title || p.title, currency: p.currency.trim(),
      minPrice: p.minPrice, maxPrice: p.maxPrice,
      image: media ? { storageKey: media.storageKey, placeholder: media.placeholder ?? "", width: media.width, height: media.height } : null,
      vendor: { name: p.vendor.name, slug: p.vendor.slug, acceptingOrders: p.vendor.acceptingOrders },
      available,
      inStock: available && p.variants.some((v) => (stock.get(v.id)?.available ?? 0) > 0),
      singleVariantId: p.variants.length === 1 ? p.variants[0]!.id : null,
      addedAt: createdAt,
    };
  });
}

/**
 * Puts one unit of the product in the cart and takes it off the wishlist. The variant is the
 * one given (it must belong to the product) or the product's only active variant.
 */
export async function moveWishToCart(db: DbTx, userId: string, input: MoveWishToCartInput, locale = "en") {
  const item = await db.wishlistItem.findUnique({
    where: { userId_productId: { userId, productId: input.productId } },
    select: { product: { select: { variants: { where: { active: true }, select: { id: true } } } } },
  });
  if (!item) throw notFound("wishlist.notOnList");
  const variants = item.product.variants.map((v) => v.id);
  let variantId = input.variantId;
  if (variantId === undefined) {
    if (variants.length !== 1) throw badRequest("wishlist.chooseVariant");
    variantId = variants[0]!;
  } else if (!variants.includes(variantId)) {
    throw notFound("cart.variantUnavailable");
  }
  const line = await addToCart(db, { userId }, { variantId, quantity: 1 }, locale);
  await db.wishlistItem.delete({ where: { userId_productId: { userId, productId: input.productId } } });
  return line;
}
