// Orders after checkout: status changes (each with a history row and an audit entry when a
// person acts), the shopper's orders, a shop's sub-orders and the admin's view of all.
// Locks: the order row first, then its sub-orders, always in that order.
import type { OrderStatus, Prisma } from "@/prisma/generated/client/client";
import type { VendorPermission } from "@/lib/permissions";
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { conflict, forbidden, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { getVendorMembership } from "@/server/modules/vendors";
import {
  ListOrdersInput as ListOrdersSchema, ListVendorSubOrdersInput as ListVendorSubOrdersSchema, type CancelOrderInput, type CancelSubOrderInput,
  type ListOrdersInput, type ListVendorSubOrdersInput, type MarkShippedInput,
} from "./orders.schema";
import { canMoveSubOrder, isCancellableByShopper, orderStatusFrom } from "./orders.status";

export interface StatusChange {
  subOrderId: string;
  to: OrderStatus;
  reason?: string;
  /** Extra columns written with the change (tracking, timestamps). */
  data?: Prisma.SubOrderUpdateInput;
}

/**
 * Moves sub-orders of one order and re-derives the order's status, writing a history row for
 * each change and publishing "order.subOrderStatusChanged". Refuses a move the status machine
 * does not allow (CONFLICT, nothing written).
 * Call inside a transaction.
 */
export async function moveSubOrders(db: DbTx, actorId: string | null, orderId: string, changes: StatusChange[]) {
  const orders = await db.$queryRaw<{ status: OrderStatus }[]>`SELECT status FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  if (orders.length === 0) throw notFound("orders.notFound");
  const subs = await db.$queryRaw<{ id: string; status: OrderStatus; vendorId: string }[]>`
    SELECT id, status, "vendorId" FROM "SubOrder" WHERE "orderId" = ${orderId} ORDER BY id FOR UPDATE`;
  const current = new Map(subs.map((s) => [s.id, s.status]));
  const vendorOf = new Map(subs.map((s) => [s.id, s.vendorId]));
  for (const change of changes) {
    const from = current.get(change.subOrderId);
    if (!from) throw notFound("orders.notFound");
    if (!canMoveSubOrder(from, change.to)) throw conflict("orders.transitionNotAllowed", { from, to: change.to });
    await db.subOrder.update({ where: { id: change.subOrderId }, data: { ...change.data, status: change.to } });
    await db.orderStatusChange.create({ data: { orderId, subOrderId: change.subOrderId, from, to: change.to, reason: change.reason ?? "", actorId } });
    await publish(db, {
      type: "order.subOrderStatusChanged", aggregateType: "order", aggregateId: orderId,
      payload: { orderId, subOrderId: change.subOrderId, vendorId: vendorOf.get(change.subOrderId)!, from, to: change.to },
    });
    current.set(change.subOrderId, change.to);
  }
  const before = orders[0]!.status;
  const after = orderStatusFrom([...current.values()]);
  if (after !== before) {
    await db.order.update({ where: { id: orderId }, data: { status: after } });
    await db.orderStatusChange.create({ data: { orderId, from: before, to: after, reason: changes[0]?.reason ?? "", actorId } });
  }
  return { before, after };
}

async function requireVendorPermission(db: DbTx, actor: Actor, vendorId: string, permission: VendorPermission) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has(permission)) throw forbidden();
}

/** The shop's sub-order, or NOT_FOUND for anyone else's. */
async function vendorSubOrder(db: DbTx, vendorId: string, subOrderId: string) {
  const sub = await db.subOrder.findFirst({ where: { id: subOrderId, vendorId }, select: { id: true, orderId: true, status: true, number: true } });
  if (!sub) throw notFound("orders.notFound");
  return sub;
}

/** A seller accepts a paid sub-order and starts preparing it. */
export async function acceptSubOrder(db: DbTx, actor: Actor, input: { vendorId: string; subOrderId: string }) {
  await requireVendorPermission(db, actor, input.vendorId, "orders.fulfil");
  const sub = await vendorSubOrder(db, input.vendorId, input.subOrderId);
  const result = await moveSubOrders(db, actor.userId, sub.orderId, [{ subOrderId: sub.id, to: "PROCESSING" }]);
  await recordAudit(db, actor, { action: "order.accept", resourceType: "subOrder", resourceId: sub.id, metadata: { vendorId: input.vendorId, number: sub.number } });
  return result;
}

/** A seller hands the parcel to a carrier. */
export async function markShipped(db: DbTx, actor: Actor, input: MarkShippedInput) {
  await requireVendorPermission(db, actor, input.vendorId, "orders.fulfil");
  const sub = await vendorSubOrder(db, input.vendorId, input.subOrderId);
  const result = await moveSubOrders(db, actor.userId, sub.orderId, [{
    subOrderId: sub.id, to: "SHIPPED", reason: `${input.carrier} ${input.trackingNumber}`,
    data: { carrier: input.carrier, trackingNumber: input.trackingNumber, shippedAt: new Date() },
  }]);
  await recordAudit(db, actor, {
    action: "order.ship", resourceType: "subOrder", resourceId: sub.id, metadata: { vendorId: input.vendorId, carrier: input.carrier, trackingNumber: input.trackingNumber },
  });
  return result;
}

/** A seller confirms delivery (until carriers report it themselves). */
export async function markDelivered(db: DbTx, actor: Actor, input: { vendorId: string; subOrderId: string }) {
  await requireVendorPermission(db, actor, input.vendorId, "orders.fulfil");
  const sub = await vendorSubOrder(db, input.vendorId, input.subOrderId);
  const result = await moveSubOrders(db, actor.userId, sub.orderId, [{ subOrderId: sub.id, to: "DELIVERED", data: { deliveredAt: new Date() } }]);
  await recordAudit(db, actor, { action: "order.deliver", resourceType: "subOrder", resourceId: sub.id, metadata: { vendorId: input.vendorId } });
  return result;
}

/** A seller cancels its part before shipment, with a reason the shopper sees. */
export async function cancelSubOrder(db: DbTx, actor: Actor, input: CancelSubOrderInput) {
  await requireVendorPermission(db, actor, input.vendorId, "orders.fulfil");
  const sub = await vendorSubOrder(db, input.vendorId, input.subOrderId);
  const result = await moveSubOrders(db, actor.userId, sub.orderId, [{ subOrderId: sub.id, to: "CANCELLED", reason: input.reason, data: { cancelReason: input.reason } }]);
  await recordAudit(db, actor, { action: "order.cancel", resourceType: "subOrder", resourceId: sub.id, metadata: { vendorId: input.vendorId, reason: input.reason, from: sub.status } });
  return { ...result, cancelled: [{ subOrderId: sub.id, from: sub.status }] };
}

/** The shopper cancels the whole order while no part has shipped. */
export async function cancelMyOrder(db: DbTx, actor: Actor, input: CancelOrderInput) {
  const order = await db.order.findFirst({ where: { id: input.orderId, userId: actor.userId }, select: { id: true, subOrders: { select: { id: true, status: true } } } });
  if (!order) throw notFound("orders.notFound");
  const live = order.subOrders.filter((s) => s.status !== "CANCELLED");
  if (live.length === 0 || !live.every((s) => isCancellableByShopper(s.status))) throw conflict("orders.tooLateToCancel");
  const reason = input.reason || "cancelled by the shopper";
  const result = await moveSubOrders(db, actor.userId, order.id, live.map((s) => ({ subOrderId: s.id, to: "CANCELLED" as const, reason, data: { cancelReason: reason } })));
  await recordAudit(db, actor, { action: "order.cancelByShopper", resourceType: "order", resourceId: order.id, metadata: { reason } });
  return { ...result, cancelled: live.map((s) => ({ subOrderId: s.id, from: s.status })) };
}

const ORDER_DETAIL = {
  subOrders: {
    orderBy: { number: "asc" },
    include: { vendor: { select: { id: true, name: true, slug: true } }, lines: { orderBy: { id: "asc" } } },
  },
  history: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.OrderInclude;

/** The shopper's own order with its parts, lines and timeline. */
export async function getMyOrder(db: DbTx, userId: string, orderId: string) {
  const order = await db.order.findFirst({ where: { id: orderId, userId }, include: ORDER_DETAIL });
  if (!order) throw notFound("orders.notFound");
  return order;
}

/** The shopper's orders, newest first. */
export async function listMyOrders(db: DbTx, userId: string, rawInput: ListOrdersInput) {
  const input = ListOrdersSchema.parse(rawInput);
  const rows = await db.order.findMany({
    where: { userId, ...(input.status ? { status: input.status } : {}) },
    include: {
      subOrders: {
        orderBy: { number: "asc" },
        // Enough lines for the list's thumbnails (it shows four at most).
        select: { id: true, status: true, vendor: { select: { name: true } }, _count: { select: { lines: true } }, lines: { orderBy: { id: "asc" }, take: 4, select: { id: true, title: true, imageKey: true } } },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  return { items: rows.slice(0, input.limit), nextCursor: rows.length > input.limit ? rows[input.limit - 1]!.id : null };
}

/** A shop's sub-orders with filters and search (order number, SKU, shopper email). */
export async function listVendorSubOrders(db: DbTx, actor: Actor, rawInput: ListVendorSubOrdersInput) {
  const input = ListVendorSubOrdersSchema.parse(rawInput);
  await requireVendorPermission(db, actor, input.vendorId, "orders.fulfil");
  const q = input.query;
  const rows = await db.subOrder.findMany({
    where: {
      vendorId: input.vendorId,
      ...(input.status ? { status: input.status } : {}),
      ...(q ? { OR: [{ number: { contains: q, mode: "insensitive" } }, { lines: { some: { sku: { contains: q, mode: "insensitive" } } } }, { order: { user: { email: { contains: q, mode: "insensitive" } } } }] } : {}),
    },
    include: { order: { select: { number: true, createdAt: true, currency: true, user: { select: { name: true, email: true } } } }, _count: { select: { lines: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  return { items: rows.slice(0, input.limit), nextCursor: rows.length > input.limit ? rows[input.limit - 1]!.id : null };
}

/** One of the shop's sub-orders with lines, the shipping address and its history. */
export async function getVendorSubOrder(db: DbTx, actor: Actor, input: { vendorId: string; subOrderId: string }) {
  await requireVendorPermission(db, actor, input.vendorId, "orders.fulfil");
  const sub = await db.subOrder.findFirst({
    where: { id: input.subOrderId, vendorId: input.vendorId },
    include: {
      lines: { orderBy: { id: "asc" } },
      history: { orderBy: { createdAt: "asc" } },
      order: {
        select: {
          number: true, shippingAddress: true, createdAt: true, currency: true, paymentMethod: true, user: { select: { name: true, email: true } },
          // The placement row, where every part's timeline starts.
          history: { where: { subOrderId: null, from: null }, orderBy: { createdAt: "asc" }, take: 1 },
        },
      },
    },
  });
  if (!sub) throw notFound("orders.notFound");
  return sub;
}

/** Every order (admin console), with search by number or shopper email. */
export async function listAllOrders(db: DbTx, rawInput: ListOrdersInput) {
  const input = ListOrdersSchema.parse(rawInput);
  const q = input.query;
  const rows = await db.order.findMany({
    where: {
      ...(input.status ? { status: input.status } : {}),
      ...(q ? { OR: [{ number: { contains: q, mode: "insensitive" } }, { user: { email: { contains: q, mode: "insensitive" } } }] } : {}),
    },
    include: { user: { select: { email: true, name: true } }, _count: { select: { subOrders: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  return { items: rows.slice(0, input.limit), nextCursor: rows.length > input.limit ? rows[input.limit - 1]!.id : null };
}

/** Any order with everything (admin console). */
export async function getAnyOrder(db: DbTx, orderId: string) {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { ...ORDER_DETAIL, user: { select: { email: true, name: true } } } });
  if (!order) throw notFound("orders.notFound");
  // Who made each change (staff need it; shoppers see only the change).
  const actorIds = [...new Set(order.history.map((h) => h.actorId).filter((id): id is string => id !== null))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  return { ...order, actors: Object.fromEntries(actors.map((a) => [a.id, { name: a.name, email: a.email }])) };
}
