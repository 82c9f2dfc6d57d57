// Outbox handlers that turn domain events into notifications. Each handler creates the
// Notification + NotificationDelivery rows in its transaction (keyed "event:<id>", so a second
// delivery of the event creates nothing); afterCommit sends them at once (the timed job
// `notifications.deliver` catches whatever this misses) and tells open order pages.
import type { Db, DbTx } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import { defineSubscription } from "@/server/events/registry";
import { vendorPermissionsOf } from "@/lib/permissions";
import { logger } from "@/server/lib/logger";
import { publishRealtime, userChannel, vendorChannel } from "@/server/modules/realtime";
import { processCampaignBatch } from "./notifications.campaigns";
import { deliverDueNotifications, notify } from "./notifications.delivery";

const log = logger.child({ component: "notifications" });

export const sourceKeyOf = (event: { id: bigint }) => `event:${event.id}`;

/** Sends what the handler just queued for this event. */
async function kick(db: Db, event: Pick<DomainEvent, "id">) {
  const result = await deliverDueNotifications(db, new Date(), { sourceKey: sourceKeyOf(event) });
  log.debug("notifications sent after event", { eventId: String(event.id), ...result });
}

async function orderOf(tx: DbTx, orderId: string) {
  return tx.order.findUnique({ where: { id: orderId }, select: { id: true, number: true, userId: true, total: true, currency: true, shippingAddress: true } });
}

const phoneOf = (address: unknown) => {
  const phone = (address as { phone?: unknown } | null)?.phone;
  return typeof phone === "string" && phone.trim() ? phone.trim() : null;
};

/** Members of a shop holding `permission` (owners and admins hold all). */
async function vendorMembersWith(tx: DbTx, vendorId: string, permission: "orders.fulfil" | "inventory.write") {
  const members = await tx.vendorMembership.findMany({ where: { vendorId }, select: { userId: true, role: true, permissions: true } });
  return members.filter((m) => vendorPermissionsOf(m.role, m.permissions).includes(permission)).map((m) => m.userId);
}

export const notifyOrderPlaced = defineSubscription({
  name: "notifications-order-placed",
  events: ["order.placed"],
  async handle(tx, event) {
    const order = await orderOf(tx, event.payload.orderId);
    if (!order) return;
    await notify(tx, {
      type: "order.placed", sourceKey: sourceKeyOf(event), recipients: [{ userId: order.userId }],
      vars: { number: order.number, total: { minor: order.total, currency: order.currency } },
      link: `/account/orders/${order.id}`, data: { orderId: order.id },
    });
  },
  afterCommit: (db, event) => kick(db, event),
});

export const notifyOrderPaid = defineSubscription({
  name: "notifications-order-paid",
  events: ["order.paid"],
  async handle(tx, event) {
    const order = await orderOf(tx, event.payload.orderId);
    if (!order) return;
    await notify(tx, {
      type: "order.paid", sourceKey: sourceKeyOf(event), recipients: [{ userId: order.userId }],
      vars: { number: order.number, total: { minor: order.total, currency: order.currency } },
      link: `/account/orders/${order.id}`, data: { orderId: order.id },
    });
  },
  afterCommit: (db, event) => kick(db, event),
});

/**
 * A part moved: PAID → the shop's fulfilment team has a new order; SHIPPED / DELIVERED → the
 * shopper; CANCELLED after payment → the shopper (unpaid cancellations come as order.cancelled).
 * After commit "order.updated" goes to private-user-<shopper> (their open order page) and
 * private-vendor-<shop> (the seller center's order pages).
 */
export const notifySubOrderStatus = defineSubscription({
  name: "notifications-sub-order-status",
  events: ["order.subOrderStatusChanged"],
  async handle(tx, event) {
    const { subOrderId, to, from } = event.payload;
    const part = await tx.subOrder.findUnique({
      where: { id: subOrderId },
      select: { id: true, orderId: true, number: true, total: true, carrier: true, trackingNumber: true, cancelReason: true, vendor: { select: { id: true, name: true } }, order: { select: { userId: true, currency: true, shippingAddress: true } } },
    });
    if (!part) return;
    const shopper = { userId: part.order.userId, phone: phoneOf(part.order.shippingAddress) };
    const common = { sourceKey: sourceKeyOf(event), link: `/account/orders/${part.orderId}`, data: { orderId: part.orderId, subOrderId: part.id, status: to } };
    if (to === "PAID") {
      const members = await vendorMembersWith(tx, part.vendor.id, "orders.fulfil");
      await notify(tx, {
        type: "seller.newOrder", sourceKey: common.sourceKey, recipients: members.map((userId) => ({ userId })),
        vars: { number: part.number, shop: part.vendor.name, total: { minor: part.total, currency: part.order.currency } },
        link: `/seller/orders/${part.id}`, data: { orderId: part.orderId, subOrderId: part.id, vendorId: part.vendor.id },
      });
    } else if (to === "SHIPPED") {
      await notify(tx, { ...common, type: "order.shipped", recipients: [shopper], vars: { number: part.number, shop: part.vendor.name, carrier: part.carrier ?? "", tracking: part.trackingNumber ?? "" } });
    } else if (to === "DELIVERED") {
      await notify(tx, { ...common, type: "order.delivered", recipients: [shopper], vars: { number: part.number, shop: part.vendor.name } });
    } else if (to === "CANCELLED" && from !== "PENDING_PAYMENT") {
      await notify(tx, { ...common, type: "order.cancelled", recipients: [shopper], vars: { number: part.number, reason: part.cancelReason ?? "" } });
    }
  },
  async afterCommit(db, event) {
    const order = await db.order.findUnique({ where: { id: event.payload.orderId }, select: { userId: true } });
    if (order) {
      // The shopper's open order page, and the shop's order list/detail.
      await publishRealtime([userChannel(order.userId), vendorChannel(event.payload.vendorId)], "order.updated", {
        orderId: event.payload.orderId, subOrderId: event.payload.subOrderId, status: event.payload.to,
      });
    }
    await kick(db, event);
  },
});

export const notifyOrderCancelled = defineSubscription({
  name: "notifications-order-cancelled",
  events: ["order.cancelled"],
  async handle(tx, event) {
    const order = await orderOf(tx, event.payload.orderId);
    if (!order) return;
    await notify(tx, {
      type: "order.cancelled", sourceKey: sourceKeyOf(event), recipients: [{ userId: order.userId }],
      vars: { number: order.number, reason: event.payload.reason }, link: `/account/orders/${order.id}`, data: { orderId: order.id },
    });
  },
  afterCommit: (db, event) => kick(db, event),
});

export const notifyPaymentFailed = defineSubscription({
  name: "notifications-payment-failed",
  events: ["payment.failed"],
  async handle(tx, event) {
    const order = await orderOf(tx, event.payload.orderId);
    if (!order) return;
    await notify(tx, {
      type: "payment.failed", sourceKey: sourceKeyOf(event), recipients: [{ userId: order.userId }],
      vars: { number: order.number, total: { minor: order.total, currency: order.currency } },
      link: `/checkout/pay/${order.id}`, data: { orderId: order.id, paymentId: event.payload.paymentId, code: event.payload.code },
    });
  },
  afterCommit: (db, event) => kick(db, event),
});

export const notifyPaymentRefunded = defineSubscription({
  name: "notifications-payment-refunded",
  events: ["payment.refunded"],
  async handle(tx, event) {
    const order = await orderOf(tx, event.payload.orderId);
    if (!order) return;
    await notify(tx, {
      type: "payment.refunded", sourceKey: sourceKeyOf(event), recipients: [{ userId: order.userId }],
      vars: { number: order.number, amount: { minor: event.payload.amount, currency: event.payload.currency } },
      link: `/account/orders/${order.id}`, data: { orderId: order.id, refundId: event.payload.refundId },
    });
  },
  afterCommit: (db, event) => kick(db, event),
});

export const notifyLowStock = defineSubscription({
  name: "notifications-low-stock",
  events: ["inventory.lowStock"],
  async handle(tx, event) {
    const variant = await tx.productVariant.findUnique({
      where: { id: event.payload.variantId },
      select: { sku: true, product: { select: { id: true, title: true, vendor: { select: { id: true, name: true } } } } },
    });
    if (!variant) return;
    const members = await vendorMembersWith(tx, event.payload.vendorId, "inventory.write");
    await notify(tx, {
      type: "inventory.lowStock", sourceKey: sourceKeyOf(event), recipients: members.map((userId) => ({ userId })),
      vars: { product: variant.product.title, sku: variant.sku, available: event.payload.available, shop: variant.product.vendor.name },
      link: `/seller/inventory`, data: { vendorId: event.payload.vendorId, variantId: event.payload.variantId, productId: variant.product.id },
    });
  },
  afterCommit: (db, event) => kick(db, event),
});

const securityBase = (event: { id: bigint; type: string; payload: { userId: string } }) => ({
  sourceKey: sourceKeyOf(event), recipients: [{ userId: event.payload.userId }], link: "/account/security", data: { kind: event.type },
});

export const notifyNewSignIn = defineSubscription({
  name: "notifications-new-sign-in",
  events: ["identity.newSignIn"],
  async handle(tx, event) {
    const p = event.payload;
    const device = [p.browser, p.os].filter(Boolean).join(" · ") || "?";
    await notify(tx, { ...securityBase(event), type: "security.newSignIn", vars: { device, location: p.location ?? "?", time: { instant: p.at } } });
  },
  afterCommit: (db, event) => kick(db, event),
});

export const notifyPasswordChanged = defineSubscription({
  name: "notifications-password-changed",
  events: ["identity.passwordChanged"],
  async handle(tx, event) {
    await notify(tx, { ...securityBase(event), type: "security.passwordChanged", vars: {} });
  },
  afterCommit: (db, event) => kick(db, event),
});

export const notifyTwoFactorChanged = defineSubscription({
  name: "notifications-two-factor-changed",
  events: ["identity.twoFactorChanged"],
  async handle(tx, event) {
    await notify(tx, { ...securityBase(event), type: "security.twoFactorChanged", vars: { state: event.payload.enabled ? "on" : "off" } });
  },
  afterCommit: (db, event) => kick(db, event),
});

/** One batch of a bulk send; it queues the next batch as another event until the segment is done. */
export const runCampaignBatch = defineSubscription({
  name: "notifications-campaign-batch",
  events: ["notifications.campaignBatch"],
  async handle(tx, event) {
    await processCampaignBatch(tx, event.payload.campaignId);
  },
  async afterCommit(db, event) {
    await deliverDueNotifications(db, new Date(), { sourceKey: `campaign:${event.payload.campaignId}` });
  },
});

export const notificationSubscriptions = [
  notifyOrderPlaced, notifyOrderPaid, notifySubOrderStatus, notifyOrderCancelled, notifyPaymentFailed,
  notifyPaymentRefunded, notifyLowStock, notifyNewSignIn, notifyPasswordChanged, notifyTwoFactorChanged, runCampaignBatch,
] as const;
