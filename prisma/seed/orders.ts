// Demo orders for shopper@: placed through the real checkout (cart → preview → placeOrder, pay on
// delivery) and moved on by the shops' own sellers through the orders service, so every face has
// orders to show and every row (history, stock, audit, outbox) is what the app itself writes.
// Idempotent: each order has a fixed idempotency key and is skipped when it exists.
import type { PrismaClient } from "@/prisma/generated/client/client";
import type { Actor } from "@/server/lib/actor";
import { addToCart, clearCart } from "@/server/modules/cart";
import { acceptSubOrder, markDelivered, markShipped } from "@/server/modules/orders";
import { cancelOrderAndRestock } from "@/server/workflows/cancellation";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { DEMO_ACCOUNTS } from "./demo-accounts";

type Step = "paid" | "accepted" | "shipped" | "delivered";
type Shop = "nordic-home" | "tech-haven" | "atelier-lumiere" | "casa-verde";

interface Plan {
  key: string;
  /** Shop → how many different products and how far its part gets. */
  parts: { shop: Shop; products: number; step: Step; carrier?: string; tracking?: string }[];
  /** Shopper cancels the whole order afterwards. */
  cancel?: string;
}

// Oldest first, so the newest order (the list's first row) is the one still waiting.
const PLANS: Plan[] = [
  { key: "demo-seed-order-1", parts: [{ shop: "tech-haven", products: 1, step: "delivered", carrier: "UPS", tracking: "1Z999AA10123456784" }] },
  {
    key: "demo-seed-order-2",
    parts: [
      { shop: "nordic-home", products: 2, step: "delivered", carrier: "DHL", tracking: "JD014600006281230" },
      { shop: "atelier-lumiere", products: 1, step: "shipped", carrier: "La Poste", tracking: "6A12345678901" },
    ],
  },
  { key: "demo-seed-order-3", parts: [{ shop: "casa-verde", products: 1, step: "paid" }, { shop: "nordic-home", products: 1, step: "paid" }], cancel: "Ordered the wrong colour" },
  {
    key: "demo-seed-order-4",
    parts: [
      { shop: "nordic-home", products: 1, step: "shipped", carrier: "DHL", tracking: "JD014600006281999" },
      { shop: "tech-haven", products: 2, step: "accepted" },
      { shop: "atelier-lumiere", products: 1, step: "paid" },
    ],
  },
  { key: "demo-seed-order-5", parts: [{ shop: "tech-haven", products: 1, step: "paid" }, { shop: "casa-verde", products: 1, step: "paid" }] },
];

const OWNER: Partial<Record<Shop, keyof typeof DEMO_ACCOUNTS>> = { "nordic-home": "seller", "tech-haven": "seller", "atelier-lumiere": "artisan" };

const actorOf = (user: { id: string; email: string }): Actor => ({ userId: user.id, email: user.email, sessionId: "seed", requestId: "seed", ip: null, userAgent: "seed", locale: "en" });

/** Places the demo orders that are missing; returns how many it placed. */
export async function seedOrders(db: PrismaClient, log: (line: string) => void = () => {}): Promise<number> {
  const shopper = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.shopper.email } });
  const existing = new Set(
    (await db.order.findMany({ where: { userId: shopper.id, idempotencyKey: { in: PLANS.map((p) => p.key) } }, select: { idempotencyKey: true } })).map((o) => o.idempotencyKey),
  );
  const todo = PLANS.filter((p) => !existing.has(p.key));
  if (todo.length === 0) return 0;

  const address =
    (await db.address.findFirst({ where: { userId: shopper.id }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] })) ??
    (await db.address.create({
      data: { userId: shopper.id, fullName: DEMO_ACCOUNTS.shopper.name, line1: "12 Market Street", city: "Bristol", postalCode: "BS1 4DJ", countryCode: "GB", phone: "+44 117 496 0123", isDefault: true },
    }));
  const vendors = new Map((await db.vendor.findMany({ select: { id: true, slug: true } })).map((v) => [v.slug, v.id]));
  const users = new Map((await db.user.findMany({ where: { email: { in: Object.values(DEMO_ACCOUNTS).map((a) => a.email) } } })).map((u) => [u.email, u]));
  const used = new Set<string>();

  /** The shop's first approved, in-stock products (by slug), one variant each, never the same twice. */
  async function pick(shop: Shop, count: number) {
    const variants = await db.productVariant.findMany({
      where: { active: true, product: { vendor: { slug: shop }, status: "ACTIVE", moderation: "APPROVED", currency: "USD" } },
      select: { id: true, productId: true, stock: { select: { onHand: true, reserved: true } } },
      orderBy: [{ product: { slug: "asc" } }, { sku: "asc" }],
      take: 200,
    });
    const chosen: string[] = [];
    for (const v of variants) {
      if (chosen.length === count) break;
      if (used.has(v.productId) || v.stock.reduce((n, s) => n + s.onHand - s.reserved, 0) < 5) continue;
      used.add(v.productId);
      chosen.push(v.id);
    }
    return chosen;
  }

  const owner = { userId: shopper.id };
  const actor = actorOf(shopper);
  for (const plan of todo) {
    // The shopper's cart becomes this order (a demo account's cart, so nothing real is lost).
    await clearCart(db, owner);
    for (const part of plan.parts) for (const variantId of await pick(part.shop, part.products)) await addToCart(db, owner, { variantId, quantity: 1 });
    const preview = await previewCheckout(db, shopper.id, {});
    const shipping = Object.fromEntries(preview.groups.map((g) => [g.vendor.id, g.shippingOptions[0]!.id]));
    const { orderId } = await placeOrder(db, actor, { idempotencyKey: plan.key, cartHash: preview.cartHash, addressId: address.id, shipping, paymentMethod: "pay_on_delivery" });

    const subs = await db.subOrder.findMany({ where: { orderId }, select: { id: true, vendorId: true } });
    for (const part of plan.parts) {
      const account = OWNER[part.shop];
      const sub = subs.find((s) => s.vendorId === vendors.get(part.shop));
      if (!account || !sub || part.step === "paid") continue;
      const seller = actorOf(users.get(DEMO_ACCOUNTS[account].email)!);
      const ref = { vendorId: sub.vendorId, subOrderId: sub.id };
      await db.$transaction((tx) => acceptSubOrder(tx, seller, ref));
      if (part.step === "accepted") continue;
      await db.$transaction((tx) => markShipped(tx, seller, { ...ref, carrier: part.carrier!, trackingNumber: part.tracking! }));
      if (part.step === "delivered") await db.$transaction((tx) => markDelivered(tx, seller, ref));
    }
    if (plan.cancel) await db.$transaction((tx) => cancelOrderAndRestock(tx, actor, { orderId, reason: plan.cancel! }));
  }
  log(`seeded ${todo.length} demo orders for ${DEMO_ACCOUNTS.shopper.email}`);
  return todo.length;
}
