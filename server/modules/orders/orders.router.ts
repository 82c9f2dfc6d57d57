import { router } from "@/server/trpc/init";
import { adminProcedure, authedProcedure, sellerProcedure } from "@/server/trpc/procedures";
import { paymentProvider } from "@/server/modules/payments/providers";
import { cancelOrderAndRefund, cancelSubOrderAndRefund } from "@/server/workflows/cancellation";
import { CancelOrderInput, CancelSubOrderInput, ListOrdersInput, ListVendorSubOrdersInput, MarkShippedInput, OrderRefInput, SubOrderRefInput } from "./orders.schema";
import * as orders from "./orders.service";

export const ordersRouter = router({
  // The shopper's own orders.
  listMyOrders: authedProcedure.input(ListOrdersInput).query(({ ctx, input }) => orders.listMyOrders(ctx.db, ctx.actor.userId, input)),
  getMyOrder: authedProcedure.input(OrderRefInput).query(({ ctx, input }) => orders.getMyOrder(ctx.db, ctx.actor.userId, input.orderId)),
  cancelMyOrder: authedProcedure.input(CancelOrderInput).mutation(({ ctx, input }) => cancelOrderAndRefund(ctx.db, paymentProvider(), ctx.actor, input)),

  // Seller center (membership of input.vendorId checked by the procedure and the service).
  listVendorSubOrders: sellerProcedure("orders.fulfil").input(ListVendorSubOrdersInput).query(({ ctx, input }) => orders.listVendorSubOrders(ctx.db, ctx.actor, input)),
  getVendorSubOrder: sellerProcedure("orders.fulfil").input(SubOrderRefInput).query(({ ctx, input }) => orders.getVendorSubOrder(ctx.db, ctx.actor, input)),
  acceptSubOrder: sellerProcedure("orders.fulfil").input(SubOrderRefInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => orders.acceptSubOrder(tx, ctx.actor, input))),
  markShipped: sellerProcedure("orders.fulfil").input(MarkShippedInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => orders.markShipped(tx, ctx.actor, input))),
  markDelivered: sellerProcedure("orders.fulfil").input(SubOrderRefInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => orders.markDelivered(tx, ctx.actor, input))),
  cancelSubOrder: sellerProcedure("orders.fulfil").input(CancelSubOrderInput).mutation(({ ctx, input }) => cancelSubOrderAndRefund(ctx.db, paymentProvider(), ctx.actor, input)),

  // Admin console.
  listAllOrders: adminProcedure("orders.manage").input(ListOrdersInput).query(({ ctx, input }) => orders.listAllOrders(ctx.db, input)),
  getAnyOrder: adminProcedure("orders.manage").input(OrderRefInput).query(({ ctx, input }) => orders.getAnyOrder(ctx.db, input.orderId)),
});
