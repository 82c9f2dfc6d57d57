// The cart: a guest's (keyed by the SHA-256 of its cookie's token) or an account's. Every read
// re-checks each line against the catalog, the shop and the stock and says what changed.
import crypto from "node:crypto";
import type { DbTx } from "@/server/db";
import { badRequest, notFound } from "@/server/lib/errors";
import { lineLimit, stockFor, type Availability } from "./cart.stock";
import { MAX_LINE_QUANTITY, type AddToCartInput, type SaveForLaterInput, type SetQuantityInput } from "./cart.schema";

/** Whose cart: a signed-in account, or a guest identified by the hash of its cookie's token. */
export type CartOwner = { userId: string } | { guestTokenHash: string };

export interface ImageRef {
  storageKey: string;
  placeholder: string;
  width: number;
  height: number;
}

export interface Money {
  amount: number;
  currency: string;
}

/** What changed since the shopper last looked at a line. */
export type CartNotice =
  | { kind: "priceChanged"; from: number; to: number }
  | { kind: "outOfStock" }
  | { kind: "quantityReduced"; to: number }
  | { kind: "unavailable" }
  | { kind: "shopPaused" };

export interface CartLineView {
  id: string;
  variantId: string;
  productId: string;
  productSlug: string;
  title: string;
  /** The variant's option values ("Red / M"), empty for a single-variant product. */
  optionText: string;
  image: ImageRef | null;
  unitPrice: number;
  currency: string;
  quantity: number;
  lineTotal: number;
  /** Most units the line may hold now (0 when it cannot be bought). */
  maxQuantity: number;
  /** Counted in the subtotal and bought at checkout. */
  purchasable: boolean;
  savedForLater: boolean;
  notices: CartNotice[];
}

export interface CartVendorGroup {
  vendor: { id: string; name: string; slug: string; acceptingOrders: boolean };
  lines: CartLineView[];
  /** Of the purchasable lines, one entry per currency (usually one). */
  subtotals: Money[];
}

export interface CartView {
  groups: CartVendorGroup[];
  saved: CartLineView[];
  /** Of every purchasable line, per currency. */
  totals: Money[];
  /** Units in the cart (not saved for later). */
  itemCount: number;
  /** Lines carrying at least one notice (cart and saved). */
  noticeCount: number;
}

interface VariantInfo {
  id: string;
  productId: string;
  productSlug: string;
  title: string;
  optionText: string;
  price: number;
  currency: string;
  sku: string;
  image: ImageRef | null;
  /** Active variant of a visible product (ACTIVE, not rejected/banned) of an ACTIVE shop. */
  visible: boolean;
  vendor: { id: string; name: string; slug: string; acceptingOrders: boolean };
}

const newId = () => `c${crypto.randomBytes(12).toString("hex")}`;

const imageOf = (media: { storageKey: string; placeholder: string | null; width: number; height: number } | null | undefined): ImageRef | null =>
  media ? { storageKey: media.storageKey, placeholder: media.placeholder ?? "", width: media.width, height: media.height } : null;

/** Option values in the product's axis order: "Red / M". */
function optionTextOf(options: unknown, values: unknown): string {
  const map = values && typeof values === "object" ? (values as Record<string, unknown>) : {};
  const axes = Array.isArray(options) ? options.map((o) => (o as { name?: unknown }).name).filter((n): n is string => typeof n === "string") : [];
  const names = axes.length > 0 ? axes : Object.keys(map);
  return names.map((n) => map[n]).filter((v): v is string => typeof v === "string" && v !== "").join(" / ");
}

/** What the cart needs to know about each variant, with the title in `locale` (else the seller's). */
async function loadVariants(db: DbTx, variantIds: readonly string[], locale: string): Promise<Map<string, VariantInfo>> {
  if (variantIds.length === 0) return new Map();
  const media = { select: { storageKey: true, placeholder: true, width: true, height: true } } as const;
  const rows = await db.productVariant.findMany({
    where: { id: { in: [...new Set(variantIds)] } },
    select: {
      id: true, price: true, active: true, optionValues: true, sku: true, productId: true,
      image: { select: { media } },
      product: {
        select: {
          slug: true, title: true, status: true, moderation: true, currency: true, options: true,
          translations: { where: { locale }, select: { title: true } },
          images: { orderBy: { position: "asc" }, take: 1, select: { media } },
          vendor: { select: { id: true, name: true, slug: true, status: true, acceptingOrders: true } },
        },
      },
    },
  });
  const out = new Map<string, VariantInfo>();
  for (const v of rows) {
    const p = v.product;
    out.set(v.id, {
      id: v.id, productId: v.productId, productSlug: p.slug, sku: v.sku,
      title: p.translations[0]?.title || p.title,
      optionText: optionTextOf(p.options, v.optionValues),
      price: v.price, currency: p.currency.trim(),
      image: imageOf(v.image?.media ?? p.images[0]?.media),
      visible: v.active && p.status === "ACTIVE" && (p.moderation === "PENDING" || p.moderation === "APPROVED") && p.vendor.status === "ACTIVE",
      vendor: { id: p.vendor.id, name: p.vendor.name, slug: p.vendor.slug, acceptingOrders: p.vendor.acceptingOrders },
    });
  }
  return out;
}

const ownerWhere = (owner: CartOwner) => ("userId" in owner ? { userId: owner.userId } : { guestToken: owner.guestTokenHash });

async function findCartId(db: DbTx, owner: CartOwner): Promise<string | null> {
  return (await db.cart.findUnique({ where: ownerWhere(owner), select: { id: true } }))?.id ?? null;
}

/** The owner's cart id, creating the cart if needed (one INSERT … ON CONFLICT, so concurrent first adds share one cart). */
async function ensureCartId(db: DbTx, owner: CartOwner): Promise<string> {
  const rows =
    "userId" in owner
      ? await db.$queryRaw<{ id: string }[]>`
          INSERT INTO "Cart" (id, "userId", "createdAt", "updatedAt") VALUES (${newId()}, ${owner.userId}, now(), now())
          ON CONFLICT ("userId") DO UPDATE SET "updatedAt" = now() RETURNING id`
      : await db.$queryRaw<{ id: string }[]>`
          INSERT INTO "Cart" (id, "guestToken", "createdAt", "updatedAt") VALUES (${newId()}, ${owner.guestTokenHash}, now(), now())
          ON CONFLICT ("guestToken") DO UPDATE SET "updatedAt" = now() RETURNING id`;
  return rows[0]!.id;
}

/** Refuses a variant that cannot be bought now; returns it with the most units a line may hold. */
function requirePurchasable(info: VariantInfo | undefined, availability: Availability | undefined) {
  if (!info || !info.visible) throw notFound("cart.variantUnavailable");
  if (!info.vendor.acceptingOrders) throw badRequest("cart.shopPaused", { shop: info.vendor.name });
  const limit = lineLimit(availability, MAX_LINE_QUANTITY);
  if (limit < 1) throw badRequest("cart.outOfStock");
  return { info, limit };
}

/**
 * Adds units of a variant (an active variant of a visible product of an active shop taking
 * orders). The line's new quantity must stay within stock, maxPerOrder and the line cap; the
 * check and the write are one INSERT … ON CONFLICT, so concurrent adds neither duplicate the
 * line nor overshoot. A line saved for later comes back to the cart with the added quantity.
 */
export async function addToCart(db: DbTx, owner: CartOwner, input: { variantId: string; quantity: number }, locale = "en") {
  const [infos, stock] = await Promise.all([loadVariants(db, [input.variantId], locale), stockFor(db, [input.variantId])]);
  const { info, limit } = requirePurchasable(infos.get(input.variantId), stock.get(input.variantId));
  if (input.quantity > limit) throw badRequest("cart.quantityTooHigh", { max: limit });
  const cartId = await ensureCartId(db, owner);
  const rows = await db.$queryRaw<{ id: string; quantity: number }[]>`
    INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "savedForLater", "priceSeen", "createdAt", "updatedAt")
    VALUES (${newId()}, ${cartId}, ${info.id}, ${input.quantity}, false, ${info.price}, now(), now())
    ON CONFLICT ("cartId", "variantId") DO UPDATE SET
      quantity = CASE WHEN "CartItem"."savedForLater" THEN EXCLUDED.quantity ELSE "CartItem".quantity + EXCLUDED.quantity END,
      "savedForLater" = false, "priceSeen" = EXCLUDED."priceSeen", "updatedAt" = now()
    WHERE (CASE WHEN "CartItem"."savedForLater" THEN EXCLUDED.quantity ELSE "CartItem".quantity + EXCLUDED.quantity END) <= ${limit}
    RETURNING id, quantity`;
  if (rows.length === 0) {
    const inCart = await db.cartItem.findUnique({ where: { cartId_variantId: { cartId, variantId: info.id } }, select: { quantity: true } });
    throw badRequest("cart.limitReached", { max: limit, inCart: inCart?.quantity ?? 0 });
  }
  return { lineId: rows[0]!.id, quantity: rows[0]!.quantity };
}

/** The owner's line, else NOT_FOUND (another cart's line id looks exactly like a missing one). */
async function ownLine(db: DbTx, owner: CartOwner, lineId: string) {
  const line = await db.cartItem.findFirst({ where: { id: lineId, cart: ownerWhere(owner) }, select: { id: true, variantId: true, cartId: true } });
  if (!line) throw notFound("cart.lineNotFound");
  return line;
}

/** Sets a line's quantity (1..the most it may hold now). */
export async function setLineQuantity(db: DbTx, owner: CartOwner, input: SetQuantityInput) {
  const line = await ownLine(db, owner, input.lineId);
  const [infos, stock] = await Promise.all([loadVariants(db, [line.variantId], "en"), stockFor(db, [line.variantId])]);
  const { limit } = requirePurchasable(infos.get(line.variantId), stock.get(line.variantId));
  if (input.quantity > limit) throw badRequest("cart.quantityTooHigh", { max: limit });
  await db.cartItem.update({ where: { id: line.id }, data: { quantity: input.quantity } });
  return { lineId: line.id, quantity: input.quantity };
}

/** Removes a line. */
export async function removeLine(db: DbTx, owner: CartOwner, lineId: string) {
  const line = await ownLine(db, owner, lineId);
  await db.cartItem.delete({ where: { id: line.id } });
}

/** Moves a line to "saved for later" or back into the cart (the next read re-checks its quantity). */
export async function saveLineForLater(db: DbTx, owner: CartOwner, input: SaveForLaterInput) {
  const line = await ownLine(db, owner, input.lineId);
  await db.cartItem.update({ where: { id: line.id }, data: { savedForLater: input.saved } });
}

/** Empties the cart; lines saved for later stay. */
export async function clearCart(db: DbTx, owner: CartOwner) {
  const cartId = await findCartId(db, owner);
  if (cartId) await db.cartItem.deleteMany({ where: { cartId, savedForLater: false } });
}

/** Units in the cart (for the header's badge); no re-check. */
export async function countCartItems(db: DbTx, owner: CartOwner | null): Promise<number> {
  if (!owner) return 0;
  const result = await db.cartItem.aggregate({ where: { cart: ownerWhere(owner), savedForLater: false }, _sum: { quantity: true } });
  return result._sum.quantity ?? 0;
}

function addMoney(list: Money[], amount: number, currency: string) {
  const entry = list.find((m) => m.currency === currency);
  if (entry) entry.amount += amount;
  else list.push({ amount, currency });
}

interface CheckedLine {
  row: { id: string; variantId: string; quantity: number; savedForLater: boolean; priceSeen: number };
  info: VariantInfo | undefined;
  limit: number;
  purchasable: boolean;
  quantity: number;
  notices: CartNotice[];
}

/** Re-checks lines against the catalog, shop status and stock (pure: decides, does not write). */
function checkLines(rows: CheckedLine["row"][], infos: Map<string, VariantInfo>, stock: Map<string, Availability>): CheckedLine[] {
  return rows.map((row) => {
    const info = infos.get(row.variantId);
    const notices: CartNotice[] = [];
    if (!info || !info.visible) {
      notices.push({ kind: "unavailable" });
      return { row, info, limit: 0, purchasable: false, quantity: row.quantity, notices };
    }
    if (info.price !== row.priceSeen) notices.push({ kind: "priceChanged", from: row.priceSeen, to: info.price });
    if (!info.vendor.acceptingOrders) {
      notices.push({ kind: "shopPaused" });
      return { row, info, limit: 0, purchasable: false, quantity: row.quantity, notices };
    }
    const limit = lineLimit(stock.get(row.variantId), MAX_LINE_QUANTITY);
    if (limit < 1) {
      notices.push({ kind: "outOfStock" });
      return { row, info, limit, purchasable: false, quantity: row.quantity, notices };
    }
    let quantity = row.quantity;
    // Saved lines keep their quantity until they come back to the cart.
    if (!row.savedForLater && quantity > limit) {
      quantity = limit;
      notices.push({ kind: "quantityReduced", to: limit });
    }
    return { row, info, limit, purchasable: true, quantity, notices };
  });
}

async function loadCheckedLines(db: DbTx, cartId: string, locale: string, where: { savedForLater?: boolean } = {}) {
  const rows = await db.cartItem.findMany({
    where: { cartId, ...where },
    select: { id: true, variantId: true, quantity: true, savedForLater: true, priceSeen: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const ids = rows.map((r) => r.variantId);
  const [infos, stock] = await Promise.all([loadVariants(db, ids, locale), stockFor(db, ids)]);
  return checkLines(rows, infos, stock);
}

const EMPTY_CART: CartView = { groups: [], saved: [], totals: [], itemCount: 0, noticeCount: 0 };

/**
 * The cart as the shopper sees it, grouped by shop, every line re-checked. Notices are reported
 * once: this read also records what the shopper has now seen — a moved price becomes the line's
 * `priceSeen`, and a quantity above what may be bought is lowered — so the next read is quiet
 * unless something changes again. (Checkout uses getCartForCheckout, which writes nothing.)
 * Lines whose product is gone for good stay, marked unavailable, until the shopper removes them.
 */
export async function getCart(db: DbTx, owner: CartOwner | null, locale = "en"): Promise<CartView> {
  if (!owner) return EMPTY_CART;
  const cartId = await findCartId(db, owner);
  if (!cartId) return EMPTY_CART;
  const checked = await loadCheckedLines(db, cartId, locale);

  for (const line of checked) {
    const priceMoved = line.info && line.info.visible && line.info.price !== line.row.priceSeen;
    const reduced = line.quantity !== line.row.quantity;
    if (priceMoved || reduced) {
      await db.cartItem.update({
        where: { id: line.row.id },
        data: { ...(priceMoved ? { priceSeen: line.info!.price } : {}), ...(reduced ? { quantity: line.quantity } : {}) },
      });
    }
  }

  const groups = new Map<string, CartVendorGroup>();
  const saved: CartLineView[] = [];
  const totals: Money[] = [];
  let itemCount = 0;
  let noticeCount = 0;
  for (const line of checked) {
    const info = line.info;
    const view: CartLineView = {
      id: line.row.id, variantId: line.row.variantId,
      productId: info?.productId ?? "", productSlug: info?.productSlug ?? "",
      title: info?.title ?? "", optionText: info?.optionText ?? "", image: info?.image ?? null,
      unitPrice: info?.price ?? line.row.priceSeen, currency: info?.currency ?? "",
      quantity: line.quantity, lineTotal: (info?.price ?? line.row.priceSeen) * line.quantity,
      maxQuantity: line.limit, purchasable: line.purchasable && !line.row.savedForLater,
      savedForLater: line.row.savedForLater, notices: line.notices,
    };
    if (line.notices.length > 0) noticeCount += 1;
    if (line.row.savedForLater) {
      saved.push(view);
      continue;
    }
    itemCount += line.quantity;
    // A line whose variant is gone has no shop to sit under; it goes with an unnamed group.
    const vendor = info?.vendor ?? { id: "", name: "", slug: "", acceptingOrders: false };
    let group = groups.get(vendor.id);
    if (!group) {
      group = { vendor, lines: [], subtotals: [] };
      groups.set(vendor.id, group);
    }
    group.lines.push(view);
    if (view.purchasable) {
      addMoney(group.subtotals, view.lineTotal, view.currency);
      addMoney(totals, view.lineTotal, view.currency);
    }
  }
  return { groups: [...groups.values()], saved, totals, itemCount, noticeCount };
}

export interface CheckoutLine {
  lineId: string;
  variantId: string;
  productId: string;
  sku: string;
  title: string;
  optionText: string;
  image: ImageRef | null;
  unitPrice: number;
  /** The price the shopper last saw in the cart; differs from unitPrice when it moved since. */
  priceSeen: number;
  currency: string;
  quantity: number;
  lineTotal: number;
}

export interface CheckoutCart {
  groups: { vendor: { id: string; name: string; slug: string }; lines: CheckoutLine[]; subtotals: Money[] }[];
  /** Cart lines left out (not purchasable now), with why. */
  excluded: { lineId: string; variantId: string; notices: CartNotice[] }[];
}

/**
 * The account cart's purchasable lines grouped by shop, at current prices, each quantity capped
 * by what may be bought now (stock, maxPerOrder). Writes nothing: the checkout reserves stock
 * and decides what to tell the shopper about `priceSeen` ≠ `unitPrice` and `excluded`.
 */
export async function getCartForCheckout(tx: DbTx, userId: string, locale = "en"): Promise<CheckoutCart> {
  const cartId = await findCartId(tx, { userId });
  if (!cartId) return { groups: [], excluded: [] };
  const checked = await loadCheckedLines(tx, cartId, locale, { savedForLater: false });
  const groups = new Map<string, CheckoutCart["groups"][number]>();
  const excluded: CheckoutCart["excluded"] = [];
  for (const line of checked) {
    if (!line.purchasable || !line.info) {
      excluded.push({ lineId: line.row.id, variantId: line.row.variantId, notices: line.notices });
      continue;
    }
    const info = line.info;
    let group = groups.get(info.vendor.id);
    if (!group) {
      group = { vendor: { id: info.vendor.id, name: info.vendor.name, slug: info.vendor.slug }, lines: [], subtotals: [] };
      groups.set(info.vendor.id, group);
    }
    const lineTotal = info.price * line.quantity;
    group.lines.push({
      lineId: line.row.id, variantId: info.id, productId: info.productId, sku: info.sku, title: info.title, optionText: info.optionText,
      image: info.image, unitPrice: info.price, priceSeen: line.row.priceSeen, currency: info.currency, quantity: line.quantity, lineTotal,
    });
    addMoney(group.subtotals, lineTotal, info.currency);
  }
  return { groups: [...groups.values()], excluded };
}

/** After an order is placed: removes the bought variants' lines from the account cart (saved ones stay). */
export async function clearPurchasedLines(tx: DbTx, userId: string, variantIds: readonly string[]) {
  if (variantIds.length === 0) return 0;
  const result = await tx.cartItem.deleteMany({ where: { cart: { userId }, variantId: { in: [...variantIds] }, savedForLater: false } });
  return result.count;
}

/**
 * Moves a guest cart into the account's cart, then deletes it. Quantities of a variant in both
 * are summed and capped by what may be bought now (stock, maxPerOrder, the line cap); lines that
 * cannot be bought now come over unchanged (unless the account already has the variant) so
 * the next read shows their notice. Locks the guest cart first, so two concurrent merges do the
 * work once; a merge of a cart that is already gone does nothing. Call inside a transaction.
 */
export async function mergeGuestCart(tx: DbTx, userId: string, guestTokenHash: string): Promise<{ merged: number }> {
  const guest = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Cart" WHERE "guestToken" = ${guestTokenHash} FOR UPDATE`;
  if (guest.length === 0) return { merged: 0 };
  const guestCartId = guest[0]!.id;
  const lines = await tx.cartItem.findMany({ where: { cartId: guestCartId }, orderBy: { createdAt: "asc" } });
  if (lines.length > 0) {
    const cartId = await ensureCartId(tx, { userId });
    const ids = lines.map((l) => l.variantId);
    const [infos, stock] = await Promise.all([loadVariants(tx, ids, "en"), stockFor(tx, ids)]);
    for (const line of lines) {
      const info = infos.get(line.variantId);
      const limit = info?.visible && info.vendor.acceptingOrders ? lineLimit(stock.get(line.variantId), MAX_LINE_QUANTITY) : 0;
      if (limit >= 1) {
        await tx.$executeRaw`
          INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "savedForLater", "priceSeen", "createdAt", "updatedAt")
          VALUES (${newId()}, ${cartId}, ${line.variantId}, ${Math.min(line.quantity, limit)}, ${line.savedForLater}, ${line.priceSeen}, now(), now())
          ON CONFLICT ("cartId", "variantId") DO UPDATE SET
            quantity = LEAST("CartItem".quantity + EXCLUDED.quantity, ${limit}), "updatedAt" = now()`;
      } else {
        await tx.$executeRaw`
          INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "savedForLater", "priceSeen", "createdAt", "updatedAt")
          VALUES (${newId()}, ${cartId}, ${line.variantId}, ${line.quantity}, ${line.savedForLater}, ${line.priceSeen}, now(), now())
          ON CONFLICT ("cartId", "variantId") DO NOTHING`;
      }
    }
  }
  await tx.cart.delete({ where: { id: guestCartId } });
  return { merged: lines.length };
}

export type { AddToCartInput };
