import { router } from "@/server/trpc/init";
import { sellerProcedure } from "@/server/trpc/procedures";
import { CreateShippingRuleInput, ShippingRuleRefInput, UpdateShippingRuleInput, VendorIdInput } from "./shipping.schema";
import * as shipping from "./shipping.service";

// Seller center: the procedure checks membership of input.vendorId with shop.manage; the service checks again.
export const shippingRouter = router({
  listRules: sellerProcedure("shop.manage").input(VendorIdInput).query(({ ctx, input }) => shipping.listShippingRules(ctx.db, ctx.actor, input.vendorId)),
  createRule: sellerProcedure("shop.manage").input(CreateShippingRuleInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => shipping.createShippingRule(tx, ctx.actor, input))),
  updateRule: sellerProcedure("shop.manage").input(UpdateShippingRuleInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => shipping.updateShippingRule(tx, ctx.actor, input))),
  deleteRule: sellerProcedure("shop.manage").input(ShippingRuleRefInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => shipping.deleteShippingRule(tx, ctx.actor, input))),
});
